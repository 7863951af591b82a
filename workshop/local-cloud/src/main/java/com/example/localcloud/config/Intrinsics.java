package com.example.localcloud.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates the CloudFormation functions serverless.yml may use: {@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Sub} and {@code Fn::Join} (short or long form; {@link CloudFormationYaml} turns the
 * short form into the long one). The answers are the ones CloudFormation would give for the
 * local deployment: a table's name for {@code !Ref Table}, its ARN for {@code !GetAtt Table.Arn}.
 */
final class Intrinsics {

    static final List<String> SUPPORTED = List.of("Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Join");
    /** Marks a resource the framework generates (a function's): it can be referenced but is not listed. */
    static final String GENERATED = "\u0000generated";

    private final ConfigSource source;
    private final Deployment deployment;
    /** Logical id -> the resource's definition (Type, Properties), variables already resolved. */
    private final Map<String, Map<String, Object>> resources;
    private final Map<String, ResourceIdentity> identities = new HashMap<>();
    private final Set<String> identifying = new HashSet<>();

    Intrinsics(ConfigSource source, Deployment deployment, Map<String, Map<String, Object>> resources) {
        this.source = source;
        this.deployment = deployment;
        this.resources = resources;
    }

    static boolean isFunctionName(String key) {
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    /** A copy of {@code value} with every CloudFormation function replaced by its result. */
    Object resolve(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.keySet().iterator().next() instanceof String key && isFunctionName(key)) {
                return evaluate(key, map.get(key), map, path);
            }
        }
        return YamlValues.copyResolvingChildren(value, path, this::resolve);
    }

    /** Resolves a value that must end up a plain string (an environment variable, an ARN). */
    String resolveToString(Object value, String path) {
        Object resolved = resolve(value, path);
        if (!YamlValues.isScalar(resolved)) {
            throw source.error(path, value, "expected a plain value here, got " + YamlValues.describe(resolved));
        }
        return String.valueOf(resolved);
    }

    /** The identity of a resource in {@code resources.Resources}. */
    ResourceIdentity identity(String logicalId, String path, Object valueForErrors) {
        ResourceIdentity known = identities.get(logicalId);
        if (known != null) {
            return known;
        }
        Map<String, Object> definition = resources.get(logicalId);
        if (definition == null) {
            throw source.error(path, valueForErrors, "no resource named '" + logicalId + "' in resources.Resources"
                    + declaredResources());
        }
        if (!identifying.add(logicalId)) {
            throw source.error(path, valueForErrors, "circular reference: the name of '" + logicalId + "' depends on itself");
        }
        try {
            String type = String.valueOf(definition.get("Type"));
            Object properties = definition.get("Properties");
            String namePath = "resources.Resources." + logicalId + ".Properties." + ResourceIdentity.nameProperty(type);
            Object explicitName = properties instanceof Map<?, ?> map ? map.get(ResourceIdentity.nameProperty(type)) : null;
            String name = explicitName == null ? null : resolveToString(explicitName, namePath);
            ResourceIdentity identity = ResourceIdentity.of(logicalId, type, name, deployment);
            identities.put(logicalId, identity);
            return identity;
        } finally {
            identifying.remove(logicalId);
        }
    }

    private String declaredResources() {
        TreeSet<String> declared = new TreeSet<>();
        resources.forEach((logicalId, definition) -> {
            if (!definition.containsKey(GENERATED)) {
                declared.add(logicalId);
            }
        });
        return declared.isEmpty() ? "" : " (there are: " + String.join(", ", declared) + ")";
    }

    private Object evaluate(String function, Object argument, Object whole, String path) {
        return switch (function) {
            case "Ref" -> ref(argument, whole, path);
            case "Fn::GetAtt" -> getAtt(argument, whole, path);
            case "Fn::Sub" -> sub(argument, whole, path);
            case "Fn::Join" -> join(argument, whole, path);
            default -> throw source.error(path, whole, function + " is not supported by the local cloud (supported: "
                    + String.join(", ", SUPPORTED) + ")");
        };
    }

    private String ref(Object argument, Object whole, String path) {
        if (!(argument instanceof String name)) {
            throw source.error(path, whole, "Ref takes the logical id of a resource or a pseudo parameter such as AWS::Region");
        }
        if (name.startsWith("AWS::")) {
            return pseudoParameter(name, whole, path);
        }
        return identity(name, path, whole).ref();
    }

    private String getAtt(Object argument, Object whole, String path) {
        List<?> parts = argument instanceof String text ? List.of(text.split("\\.", 2)) : argument instanceof List<?> l ? l : List.of();
        if (parts.size() != 2 || !(parts.get(0) instanceof String) || !(parts.get(1) instanceof String)) {
            throw source.error(path, whole, "Fn::GetAtt takes [LogicalId, Attribute] or 'LogicalId.Attribute'");
        }
        String logicalId = (String) parts.get(0);
        String attribute = (String) parts.get(1);
        ResourceIdentity identity = identity(logicalId, path, whole);
        return identity.attribute(attribute).orElseThrow(() -> source.error(path, whole,
                identity.type() + " '" + logicalId + "' has no attribute '" + attribute + "' in the local cloud (it has: "
                        + String.join(", ", new TreeSet<>(identity.attributes().keySet())) + ")"));
    }

    private String pseudoParameter(String name, Object whole, String path) {
        return switch (name) {
            case "AWS::Region" -> deployment.region();
            case "AWS::AccountId" -> deployment.accountId();
            case "AWS::StackName" -> deployment.stackName();
            case "AWS::StackId" -> deployment.arnPrefix("cloudformation") + "stack/" + deployment.stackName() + "/local";
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> throw source.error(path, whole, "the pseudo parameter " + name + " is not supported by the local cloud");
        };
    }

    private String sub(Object argument, Object whole, String path) {
        String template;
        Map<?, ?> variables = Map.of();
        if (argument instanceof String text) {
            template = text;
        } else if (argument instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String text
                && list.get(1) instanceof Map<?, ?> map) {
            template = text;
            variables = map;
        } else {
            throw source.error(path, whole, "Fn::Sub takes a string, or [string, {Name: value}]");
        }
        StringBuilder out = new StringBuilder();
        int position = 0;
        while (true) {
            int start = template.indexOf("${", position);
            if (start < 0) {
                return out.append(template.substring(position)).toString();
            }
            int end = template.indexOf('}', start);
            if (end < 0) {
                throw source.error(path, whole, "a '${' in the Fn::Sub string has no matching '}'");
            }
            out.append(template, position, start);
            String name = template.substring(start + 2, end).trim();
            if (name.startsWith("!")) { // ${!Literal} writes ${Literal}
                out.append("${").append(name.substring(1)).append('}');
            } else if (variables.containsKey(name)) {
                out.append(resolveToString(variables.get(name), path));
            } else if (name.startsWith("AWS::")) {
                out.append(pseudoParameter(name, whole, path));
            } else if (name.contains(".")) {
                out.append(getAtt(name, whole, path));
            } else {
                out.append(ref(name, whole, path));
            }
            position = end + 1;
        }
    }

    private String join(Object argument, Object whole, String path) {
        if (!(argument instanceof List<?> list) || list.size() != 2 || !(list.get(0) instanceof String delimiter)) {
            throw source.error(path, whole, "Fn::Join takes [delimiter, [values...]]");
        }
        Object values = resolve(list.get(1), path);
        if (!(values instanceof List<?> items)) {
            throw source.error(path, whole, "the second element of Fn::Join must be a list");
        }
        List<String> strings = new ArrayList<>();
        for (Object item : items) {
            if (!YamlValues.isScalar(item)) {
                throw source.error(path, whole, "Fn::Join can only join plain values, got " + YamlValues.describe(item));
            }
            strings.add(String.valueOf(item));
        }
        return String.join(delimiter, strings);
    }
}
