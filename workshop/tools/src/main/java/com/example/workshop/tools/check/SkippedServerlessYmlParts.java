package com.example.workshop.tools.check;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The parts of serverless.yml that a step's edit adds and the working copy lacks: the keys (a
 * function, a resource, an environment variable, an output) that the step's serverless.yml has
 * and the step before's has not, as paths ("functions.activityConsumer"). The local cloud meets
 * the parts of a skipped edit one at a time, each probe the first it needs; this names them all at
 * once. Lists (a function's events, IAM statements) are not looked into: the probes say what they
 * lack. Of the values, only each function's handler is compared (a copied block left unchanged).
 */
public final class SkippedServerlessYmlParts {

    private SkippedServerlessYmlParts() {
    }

    /**
     * The added keys the working copy has not, outermost only (a missing function, not each of its
     * settings too), in the step's order; empty when a file cannot be read as YAML.
     */
    static List<String> missing(Path workingCopy, Path step, Path stepBefore) {
        Set<String> yours = keys(workingCopy);
        Set<String> added = keys(step);
        Set<String> before = keys(stepBefore);
        if (yours.isEmpty() || added.isEmpty() || before.isEmpty()) {
            return List.of();
        }
        Set<String> stepKeys = Set.copyOf(added);
        added.removeAll(before);
        added.removeAll(yours);
        added.removeIf(key -> madeOtherwise(key, yours, text(workingCopy)));
        List<String> missing = new java.util.ArrayList<>(added.stream().filter(key -> !added.contains(parent(key)))
                .map(key -> key + elsewhere(key, yours, stepKeys).or(() -> speltOtherwise(key, yours, stepKeys, before))
                        .orElse("")).toList());
        missing.addAll(otherHandlers(workingCopy, step));
        return missing;
    }

    /**
     * "functions.listMembers.handler: com...ListMembersHandler (yours names com...GetMembershipHandler)" for each
     * function both files have whose handler differs: a block copied from the function above and left unchanged, or
     * a class that is no handler (the service's StreamCacher for its StreamCacherHandler). The local cloud then runs
     * the other class, and what it sees follows from that.
     */
    private static List<String> otherHandlers(Path workingCopy, Path step) {
        java.util.Map<String, String> yours = handlers(workingCopy);
        List<String> differing = new java.util.ArrayList<>();
        handlers(step).forEach((function, handler) -> {
            String named = yours.get(function);
            if (named != null && !named.equals(handler)) {
                differing.add("functions." + function + ".handler: " + handler + " (yours names " + named + ")");
            }
        });
        return differing;
    }

    /** Each function's handler, by function, in the file's order; empty when the file cannot be read as YAML. */
    static java.util.Map<String, String> handlers(Path file) {
        java.util.Map<String, String> handlers = new java.util.LinkedHashMap<>();
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(Files.readString(file)));
            Node functions = ServerlessYmlSyntax.value(root, "functions");
            if (functions instanceof MappingNode mapping) {
                for (NodeTuple function : mapping.getValue()) {
                    if (function.getKeyNode() instanceof ScalarNode name
                            && ServerlessYmlSyntax.value(function.getValueNode(), "handler") instanceof ScalarNode handler) {
                        handlers.put(name.getValue(), handler.getValue());
                    }
                }
            }
        } catch (IOException | YAMLException e) {
            handlers.clear();
        }
        return handlers;
    }

    /**
     * " (yours has it at resources.Resources.Outputs: indented under another key)" when the working
     * copy has the part under another parent, one the guide's file has not: an indentation slip,
     * which "lacks" alone would hide. Only a key nested in one of the part's ancestors (too far
     * right), beside one (too far left), or at the same depth under another section (a function's
     * block pasted below resources:) counts, not a key of that name anywhere.
     */
    private static Optional<String> elsewhere(String key, Set<String> yours, Set<String> stepKeys) {
        String name = key.substring(key.lastIndexOf('.') + 1);
        return yours.stream().filter(found -> !stepKeys.contains(found) && !found.equals(key))
                .filter(found -> found.equals(name) || found.endsWith("." + name))
                .filter(found -> found.startsWith(parent(key) + ".") || key.startsWith(parent(found) + ".")
                        || depth(found) == depth(key) && depth(key) == 2)
                .findFirst().map(found -> " (yours has it at " + found + ": indented under another key)");
    }

    /**
     * " (yours has provider.environment.MOMENTO_API_KEY_SECRETS_ID there, which the guide's has not: the same, spelt
     * otherwise?)" when the working copy has, beside the missing part, a key that neither the step's file nor the one
     * before it has: a name typed with a slip, which "lacks" alone would have pasted a second time.
     */
    private static Optional<String> speltOtherwise(String key, Set<String> yours, Set<String> stepKeys, Set<String> before) {
        return yours.stream().filter(found -> !stepKeys.contains(found) && !before.contains(found))
                .filter(found -> parent(found).equals(parent(key)))
                .findFirst().map(found -> " (yours has " + found + " there, which the guide's has not: the same, spelt otherwise?)");
    }

    /**
     * A part the working copy has in a way of its own that the Serverless Framework takes as well: a variable
     * of the provider's set in a function's own environment instead (where that function alone reads it), or
     * a custom value the file never reads (its own custom key feeds the variable: a name the file reads and
     * lacks stops the local cloud's start, as it stops a deploy).
     */
    private static boolean madeOtherwise(String key, Set<String> yours, String text) {
        if (key.startsWith("provider.environment.")) {
            String variable = key.substring("provider.environment.".length());
            return yours.stream().anyMatch(found -> found.startsWith("functions.") && found.endsWith(".environment." + variable));
        }
        return key.startsWith("custom.") && !text.contains("self:" + key);
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /** "functions.a, provider.environment.B and resources.Outputs". */
    public static String inWords(List<String> keys) {
        return keys.size() == 1 ? keys.get(0)
                : String.join(", ", keys.subList(0, keys.size() - 1)) + " and " + keys.get(keys.size() - 1);
    }

    private static long depth(String key) {
        return key.chars().filter(c -> c == '.').count() + 1;
    }

    private static String parent(String key) {
        return key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : "";
    }

    /** Every mapping key's path, in the file's order; nodes only, so CloudFormation's !Ref and !GetAtt need nothing. */
    private static Set<String> keys(Path file) {
        Set<String> keys = new LinkedHashSet<>();
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(Files.readString(file)));
            collect(root, "", keys);
        } catch (IOException | YAMLException e) {
            keys.clear(); // unreadable: ServerlessYmlSyntax says why, before anything is built
        }
        return keys;
    }

    private static void collect(Node node, String path, Set<String> keys) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    keys.add(child);
                    collect(tuple.getValueNode(), child, keys);
                }
            }
        }
    }
}
