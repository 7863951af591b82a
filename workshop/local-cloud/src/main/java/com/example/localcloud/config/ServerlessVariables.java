package com.example.localcloud.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves the Serverless Framework's own variables, {@code ${source:address, fallback}}:
 * {@code self:}, {@code sls:stage}, {@code opt:stage|region}, {@code aws:region|accountId} and
 * {@code env:}. A {@code ${...}} without a source ({@code ${AWS::Region}}, {@code ${Table.Arn}})
 * is left alone: it belongs to CloudFormation's {@code Fn::Sub}, as with the real framework.
 */
final class ServerlessVariables {

    /** {@code env:X}, {@code self:a.b}, and not CloudFormation's {@code AWS::Region}. */
    private static final Pattern SOURCE = Pattern.compile("^[a-zA-Z][a-zA-Z0-9]*:(?!:).*", Pattern.DOTALL);
    private static final Pattern FILE_SOURCE = Pattern.compile("^file\\(.*", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String UNRESOLVED = "\u0000unresolved";

    private final Map<String, Object> root;
    private final ConfigSource source;
    private final LoadOptions options;
    private final Map<String, Object> resolvedByPath = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();

    ServerlessVariables(Map<String, Object> root, ConfigSource source, LoadOptions options) {
        this.root = root;
        this.source = source;
        this.options = options;
    }

    /** A copy of the whole document with every Serverless variable replaced by its value. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolveDocument() {
        return (Map<String, Object>) resolve(root, "");
    }

    String stage() {
        if (options.stage() != null) {
            return options.stage();
        }
        Object stage = resolveAt("provider.stage");
        return stage == null ? "dev" : String.valueOf(stage);
    }

    String region() {
        if (options.region() != null) {
            return options.region();
        }
        Object region = resolveAt("provider.region");
        return region == null ? "us-east-1" : String.valueOf(region);
    }

    private Object resolve(Object value, String path) {
        if (value instanceof String text) {
            return resolveString(text, path);
        }
        return YamlValues.copyResolvingChildren(value, path, this::resolve);
    }

    /** The resolved value at a dotted path of the document (what {@code ${self:path}} means), or null. */
    private Object resolveAt(String dottedPath) {
        if (resolvedByPath.containsKey(dottedPath)) {
            return resolvedByPath.get(dottedPath);
        }
        if (!resolving.add(dottedPath)) {
            throw source.error(dottedPath, null, "circular reference: ${self:" + dottedPath + "} refers back to itself");
        }
        try {
            Object raw = lookup(dottedPath);
            Object resolved = raw == null ? null : resolve(raw, dottedPath);
            resolvedByPath.put(dottedPath, resolved);
            return resolved;
        } finally {
            resolving.remove(dottedPath);
        }
    }

    /**
     * Where the key a {@code ${self:custom.x}} misses stands instead, when its last name is a key
     * of the top level: " ('x' is at the top level (line 14): indent it under custom:)", as when
     * custom's lines were pasted two spaces too far left. "" otherwise.
     */
    private String elsewhere(String address) {
        int dot = address.lastIndexOf('.');
        if (dot < 0) {
            return "";
        }
        String name = address.substring(dot + 1);
        return root.containsKey(name) ? " ('" + name + "' is at the top level" + source.at(name) + ": indent it under "
                + address.substring(0, dot) + ":)" : "";
    }

    private Object lookup(String dottedPath) {
        Object current = root;
        if (dottedPath.isEmpty()) {
            return current;
        }
        for (String part : dottedPath.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            } else if (current instanceof List<?> list && part.matches("\\d+") && Integer.parseInt(part) < list.size()) {
                current = list.get(Integer.parseInt(part));
            } else {
                return null;
            }
        }
        return current;
    }

    private Object resolveString(String text, String path) {
        List<Object> pieces = new ArrayList<>();
        int position = 0;
        while (position < text.length()) {
            int start = text.indexOf("${", position);
            if (start < 0) {
                pieces.add(text.substring(position));
                break;
            }
            int end = matchingBrace(text, start + 2);
            if (end < 0) {
                throw source.error(path, text, "a '${' has no matching '}'");
            }
            String expression = text.substring(start + 2, end);
            pieces.add(text.substring(position, start));
            pieces.add(isVariable(expression)
                    ? new Resolved(resolveExpression(expression, text, path))
                    : text.substring(start, end + 1));
            position = end + 1;
        }
        pieces.removeIf(piece -> piece instanceof String s && s.isEmpty());
        if (pieces.size() == 1 && pieces.get(0) instanceof Resolved whole) {
            return whole.value(); // "${self:custom}" may stand for a map, a list or a number
        }
        StringBuilder out = new StringBuilder();
        for (Object piece : pieces) {
            if (piece instanceof Resolved resolved) {
                if (!YamlValues.isScalar(resolved.value())) {
                    throw source.error(path, text, "a variable inside a longer string must give a plain value, but it gave "
                            + YamlValues.describe(resolved.value()));
                }
                out.append(resolved.value());
            } else {
                out.append(piece);
            }
        }
        return out.toString();
    }

    private record Resolved(Object value) {
    }

    private static boolean isVariable(String expression) {
        String first = expression.trim();
        return SOURCE.matcher(first).matches() || FILE_SOURCE.matcher(first).matches() || first.startsWith("${");
    }

    /** {@code env:NAME, 'default'}: the first part that gives a value wins. */
    private Object resolveExpression(String expression, String text, String path) {
        List<String> reasons = new ArrayList<>();
        for (String part : splitTopLevel(expression)) {
            Object value = resolvePart(part.trim(), text, path, reasons);
            if (value != UNRESOLVED) {
                return value;
            }
        }
        throw source.error(path, text, "cannot resolve ${" + expression + "}: " + String.join("; ", reasons));
    }

    private Object resolvePart(String part, String text, String path, List<String> reasons) {
        if (part.length() >= 2 && (part.startsWith("'") && part.endsWith("'") || part.startsWith("\"") && part.endsWith("\""))) {
            return part.substring(1, part.length() - 1);
        }
        if (NUMBER.matcher(part).matches()) {
            return part.contains(".") ? (Object) Double.valueOf(part) : (Object) Long.valueOf(part);
        }
        if (part.equals("true") || part.equals("false")) {
            return Boolean.valueOf(part);
        }
        if (part.startsWith("${") && part.endsWith("}")) {
            Object nested = resolveString(part, path);
            return nested == null ? UNRESOLVED : nested;
        }
        if (part.contains("${")) { // a source whose address is built from variables: ${self:custom.${sls:stage}}
            part = String.valueOf(resolveString(part, path));
        }
        int colon = part.indexOf(':');
        if (colon < 0) {
            throw source.error(path, text, "'" + part + "' is neither a variable source (like env:NAME) nor a quoted default");
        }
        String kind = part.substring(0, colon);
        String address = part.substring(colon + 1).trim();
        Object value = switch (kind) {
            case "self" -> resolveAt(address);
            case "env" -> options.environment().get(address);
            case "opt" -> option(address);
            case "sls" -> sls(address, path, text);
            case "aws" -> aws(address, path, text);
            case "ssm" -> throw source.error(path, text, "the 'ssm:' variable source is not supported by the local cloud"
                    + (address.startsWith("/aws/reference/secretsmanager/") ? "; and this one would put a secret's value into"
                    + " the function's configuration when it deploys, where anyone who may read the function's settings reads"
                    + " it: name the secret there instead, and read it in the code" : ""));
            case "file", "cf", "s3", "param", "sops", "terraform", "strToBool" ->
                    throw source.error(path, text, "the '" + kind + ":' variable source is not supported by the local cloud");
            default -> {
                if (kind.startsWith("file(")) {
                    throw source.error(path, text, "the 'file(...)' variable source is not supported by the local cloud");
                }
                throw source.error(path, text, "unknown variable source '" + kind + ":'");
            }
        };
        if (value == null) {
            reasons.add(switch (kind) {
                case "env" -> "environment variable " + address + " is not set";
                case "self" -> "serverless.yml has no key '" + address + "'" + elsewhere(address);
                default -> "'" + part + "' has no value";
            });
            return UNRESOLVED;
        }
        return value;
    }

    private Object option(String name) {
        return switch (name) {
            case "stage" -> options.stage();
            case "region" -> options.region();
            default -> null;
        };
    }

    private Object sls(String name, String path, String text) {
        return switch (name) {
            case "stage" -> stage();
            case "instanceId" -> "local";
            default -> throw source.error(path, text, "unknown variable sls:" + name + " (supported: sls:stage, sls:instanceId)");
        };
    }

    private Object aws(String name, String path, String text) {
        return switch (name) {
            case "region" -> region();
            case "accountId" -> Deployment.LOCAL_ACCOUNT_ID;
            default -> throw source.error(path, text, "unknown variable aws:" + name + " (supported: aws:region, aws:accountId)");
        };
    }

    /** Index of the '}' closing a '${' whose content starts at {@code from}, or -1. */
    private static int matchingBrace(String text, int from) {
        int depth = 1;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Splits on commas that are not inside quotes or nested {@code ${...}}. */
    private static List<String> splitTopLevel(String expression) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(expression.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(expression.substring(start));
        return parts;
    }
}
