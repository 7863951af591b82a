package com.example.localcloud.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML that may use CloudFormation's short-form tags ({@code !Ref}, {@code !GetAtt},
 * {@code !Sub}, {@code !Join}, ...). Each tag becomes its long form, a one-entry map such as
 * {@code {"Fn::GetAtt": ["AccountsTable", "Arn"]}}, so the rest of the code handles one shape only.
 */
final class CloudFormationYaml {

    /** Every short-form tag CloudFormation defines; the resolver decides which ones it supports. */
    private static final List<String> FUNCTIONS = List.of(
            "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select",
            "Split", "Sub", "Transform", "If", "Equals", "And", "Or", "Not");

    private CloudFormationYaml() {
    }

    /** Parses a document into maps, lists and scalars. */
    static Object load(String text) {
        return new Yaml(new CloudFormationConstructor(new LoaderOptions())).load(text);
    }

    /** The document's node tree, with each node's place in the text (null for an empty document). */
    static Node compose(String text) {
        return new Yaml(new LoaderOptions()).compose(new java.io.StringReader(text));
    }

    /**
     * Maps each key path (as {@link YamlValues#child} builds them) to its 1-based line number,
     * so error messages can point at the line.
     */
    static Map<String, Integer> lineNumbers(Node root) {
        Map<String, Integer> lines = new HashMap<>();
        if (root != null) {
            collectLines(root, "", lines);
        }
        return lines;
    }

    /** A key written twice in one mapping: where, and on which lines. */
    record DuplicateKey(String keyPath, int firstLine, int secondLine) {
    }

    /**
     * The first key that appears twice in the same mapping, if any. YAML forbids it and the
     * Serverless Framework refuses the file ("duplicated mapping key"), while a lenient parser
     * would keep the last one silently: e.g. a guide's block pasted whole, with the entry it
     * repeats to show where it goes.
     */
    static Optional<DuplicateKey> firstDuplicateKey(Node root) {
        return root == null ? Optional.empty() : firstDuplicateKey(root, "");
    }

    private static Optional<DuplicateKey> firstDuplicateKey(Node node, String path) {
        List<Node> children = new ArrayList<>();
        List<String> childPaths = new ArrayList<>();
        if (node instanceof MappingNode mapping) {
            Map<String, Integer> seen = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    String childPath = YamlValues.child(path, key.getValue());
                    int line = key.getStartMark().getLine() + 1;
                    Integer first = seen.putIfAbsent(key.getValue(), line);
                    if (first != null) {
                        return Optional.of(new DuplicateKey(childPath, first, line));
                    }
                    children.add(tuple.getValueNode());
                    childPaths.add(childPath);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                children.add(sequence.getValue().get(i));
                childPaths.add(YamlValues.element(path, i));
            }
        }
        for (int i = 0; i < children.size(); i++) {
            Optional<DuplicateKey> duplicate = firstDuplicateKey(children.get(i), childPaths.get(i));
            if (duplicate.isPresent()) {
                return duplicate;
            }
        }
        return Optional.empty();
    }

    private static void collectLines(Node node, String path, Map<String, Integer> lines) {
        lines.putIfAbsent(path, node.getStartMark().getLine() + 1);
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    String childPath = YamlValues.child(path, key.getValue());
                    lines.put(childPath, key.getStartMark().getLine() + 1);
                    collectLines(tuple.getValueNode(), childPath, lines);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                collectLines(items.get(i), YamlValues.element(path, i), lines);
            }
        }
    }

    private static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAttLongForm());
            for (String function : FUNCTIONS) {
                yamlConstructors.putIfAbsent(new Tag("!" + function), new LongForm("Fn::" + function));
            }
        }

        /** {@code !Name value} becomes {@code {"<longName>": value}}. */
        private class LongForm extends AbstractConstruct {
            private final String longName;

            LongForm(String longName) {
                this.longName = longName;
            }

            @Override
            public Object construct(Node node) {
                Map<String, Object> function = new LinkedHashMap<>();
                function.put(longName, argument(node));
                return function;
            }

            Object argument(Node node) {
                if (node instanceof ScalarNode scalar) {
                    return constructScalar(scalar);
                }
                if (node instanceof SequenceNode sequence) {
                    return new ArrayList<>(constructSequence(sequence));
                }
                return new LinkedHashMap<>(constructMapping((MappingNode) node));
            }
        }

        /** {@code !GetAtt Table.Arn} is a string in short form but a two-element list in long form. */
        private class GetAttLongForm extends LongForm {
            GetAttLongForm() {
                super("Fn::GetAtt");
            }

            @Override
            Object argument(Node node) {
                Object argument = super.argument(node);
                if (argument instanceof String text && text.contains(".")) {
                    int dot = text.indexOf('.');
                    return new ArrayList<>(List.of(text.substring(0, dot), text.substring(dot + 1)));
                }
                return argument;
            }
        }
    }
}
