package com.example.workshop.tools.check;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Whether serverless.yml is YAML at all, read before the build: a tab, a line indented out of
 * place, a key written twice or a "${" never closed is then told in a second, not after a
 * minute of building and testing. Beyond the syntax, only what a paste out of place makes: a
 * resource's property beside its Type, a plugin listed twice, a block inside an environment, an
 * IAM statement a line short, a plain {@code ${self:custom.x}} that points at no key. What the file says (names, actions,
 * every other variable) is the local cloud's to judge when it starts.
 */
public final class ServerlessYmlSyntax {
    /**
     * What CloudFormation takes beside a resource's Type: anything else there is a property indented
     * out of Properties. The local cloud's ServerlessConfigLoader refuses the same when it starts
     * (the tools are built alone and cannot use its list).
     */
    private static final Set<String> RESOURCE_ATTRIBUTES = Set.of("Type", "Properties", "DependsOn",
            "Condition", "Metadata", "DeletionPolicy", "UpdateReplacePolicy", "CreationPolicy", "UpdatePolicy");

    private ServerlessYmlSyntax() {
    }

    /** Where and why serverless.yml is not YAML, if it is not ("line 37, column 1: found character ..."). */
    static Optional<String> error(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty(); // the local cloud says what is missing
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty(); // the local cloud says that too
        }
        Optional<String> noBreakSpace = noBreakSpace(text);
        if (noBreakSpace.isPresent()) {
            return noBreakSpace; // the parser would blame a later line, or read it as text
        }
        try {
            // Nodes only, as the local cloud reads it first: CloudFormation's !Sub and !GetAtt need no constructor here.
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            return root == null ? Optional.empty() : keyWrittenTwice(root, "").or(() -> variableNeverClosed(root, ""))
                    .or(() -> resourceKeyOutOfItsBlock(root)).or(() -> pluginListedTwice(root))
                    .or(() -> blockInAnEnvironment(root)).or(() -> statementWithoutAPart(root))
                    .or(() -> referenceToNoKey(root, root, ""));
        } catch (MarkedYAMLException e) {
            return Optional.of(describe(e, text.split("\\R", -1)));
        } catch (YAMLException e) {
            return Optional.of("serverless.yml is not valid YAML: " + e.getMessage());
        }
    }

    /**
     * A key written twice in one mapping, e.g. a guide's {@code environment:} block pasted under
     * provider where one already stands: YAML forbids it and the Serverless Framework refuses the
     * file, while the parser keeps the second one silently.
     */
    private static Optional<String> keyWrittenTwice(Node node, String path) {
        if (node instanceof MappingNode mapping) {
            Map<String, Integer> lineOfKey = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    int line = key.getStartMark().getLine() + 1;
                    Integer first = lineOfKey.putIfAbsent(key.getValue(), line);
                    if (first != null) {
                        return Optional.of("serverless.yml is not valid YAML: " + child(path, key.getValue()) + " is written twice"
                                + " in the same block (lines " + first + " and " + line + "): keep one, with everything it"
                                + " should hold. The Serverless Framework refuses such a file (duplicated mapping key)");
                    }
                }
            }
        }
        return children(node, path, ServerlessYmlSyntax::keyWrittenTwice);
    }

    /**
     * A value with a "${" and no "}" to close it, as in "${self:custom.cacheName": the Serverless
     * Framework refuses the file, CloudFormation a !Sub string. A brace inside quotes does not count,
     * as for the framework (a default value 'a}b').
     */
    private static Optional<String> variableNeverClosed(Node node, String path) {
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue();
            for (int start = value.indexOf("${"); start >= 0; start = value.indexOf("${", start + 2)) {
                if (closingBrace(value, start + 2) < 0) {
                    String refuses = scalar.getTag().getValue().equals("!Sub") ? "CloudFormation refuses it"
                            : "the Serverless Framework refuses it (Missing variable closing bracket)";
                    return Optional.of("serverless.yml, line " + (scalar.getStartMark().getLine() + 1) + ": " + path + " = \""
                            + value + "\": a '${' has no matching '}': close it; " + refuses);
                }
            }
            return Optional.empty();
        }
        return children(node, path, ServerlessYmlSyntax::variableNeverClosed);
    }

    /** "${self:custom.cacheName}": a reference with no default and no variable inside it, the only kind judged here. */
    private static final Pattern PLAIN_SELF_REFERENCE = Pattern.compile("\\$\\{\\s*self:([\\w-]+(?:\\.[\\w-]+)*)\\s*}");

    /**
     * A plain {@code ${self:...}} whose key the file does not have, as in "${self:custom.cacheNam}":
     * the Serverless Framework refuses the file, and the local cloud says so only after the build.
     * A path through a merge key ({@code <<: *defaults}) is left to the local cloud, which merges.
     */
    private static Optional<String> referenceToNoKey(Node root, Node node, String path) {
        if (node instanceof ScalarNode scalar) {
            Matcher reference = PLAIN_SELF_REFERENCE.matcher(scalar.getValue());
            while (reference.find()) {
                String address = reference.group(1);
                Optional<String> missing = missingKey(root, address);
                if (missing.isPresent()) {
                    return Optional.of("serverless.yml, line " + (scalar.getStartMark().getLine() + 1) + ": " + path + " = \""
                            + scalar.getValue() + "\": serverless.yml has no key '" + address + "'" + missing.get()
                            + "; the Serverless Framework refuses it (Value not found at \"self\" source)");
                }
            }
            return Optional.empty();
        }
        return children(node, path, (child, childPath) -> referenceToNoKey(root, child, childPath));
    }

    /**
     * Empty when the dotted address leads to a value (or cannot be judged here); else what would help
     * find the key: what the last mapping reached has, and whether the name stands at the top level.
     */
    private static Optional<String> missingKey(Node root, String address) {
        Node current = root;
        String reached = "";
        for (String name : address.split("\\.")) {
            Node next;
            if (current instanceof MappingNode mapping) {
                if (mapping.getValue().stream().anyMatch(tuple -> isMergeKey(tuple.getKeyNode()))) {
                    return Optional.empty(); // merged keys: the local cloud's to judge
                }
                next = value(mapping, name);
            } else if (current instanceof SequenceNode list && name.matches("\\d{1,9}")) {
                int index = Integer.parseInt(name);
                next = index < list.getValue().size() ? list.getValue().get(index) : null;
            } else {
                next = null;
            }
            if (next == null) {
                return Optional.of(hint(root, current, reached, name));
            }
            current = next;
            reached = child(reached, name);
        }
        return Optional.empty();
    }

    /**
     * " (custom has cacheName; 'momentoSecretId' is at the top level, line 14: indent it under custom:)",
     * or " (no custom: stands at the top level)" for a block never pasted.
     */
    private static String hint(Node root, Node reached, String reachedPath, String name) {
        List<String> hints = new ArrayList<>();
        if (reachedPath.isEmpty()) {
            hints.add("no " + name + ": stands at the top level");
        }
        if (!reachedPath.isEmpty() && reached instanceof MappingNode mapping && !mapping.getValue().isEmpty()) {
            hints.add(reachedPath + " has " + mapping.getValue().stream().map(NodeTuple::getKeyNode)
                    .filter(ScalarNode.class::isInstance).map(key -> ((ScalarNode) key).getValue()).collect(Collectors.joining(", ")));
        }
        if (!reachedPath.isEmpty() && root instanceof MappingNode top) {
            top.getValue().stream().filter(tuple -> tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(name))
                    .findFirst().ifPresent(tuple -> hints.add("'" + name + "' is at the top level, line "
                            + (tuple.getKeyNode().getStartMark().getLine() + 1) + ": indent it under " + reachedPath + ":"));
        }
        return hints.isEmpty() ? "" : " (" + String.join("; ", hints) + ")";
    }

    /**
     * A key beside a resource's Type and Properties that CloudFormation does not take there, as
     * step 6's {@code StreamSpecification} pasted two spaces too far left: a line indented out of
     * its block, which the YAML allows and the template does not. Told here, before the build,
     * rather than when the local cloud starts, after it.
     */
    private static Optional<String> resourceKeyOutOfItsBlock(Node root) {
        Node resources = value(value(root, "resources"), "Resources");
        if (resources instanceof MappingNode mapping) {
            for (NodeTuple resource : mapping.getValue()) {
                if (resource.getKeyNode() instanceof ScalarNode name && resource.getValueNode() instanceof MappingNode body
                        && value(body, "Type") != null) {
                    for (NodeTuple tuple : body.getValue()) {
                        // A merge key (<<: *defaults) is YAML's, merged before CloudFormation sees the resource.
                        if (tuple.getKeyNode() instanceof ScalarNode key && !RESOURCE_ATTRIBUTES.contains(key.getValue())
                                && !isMergeKey(key)) {
                            String path = "resources.Resources." + name.getValue();
                            return Optional.of("serverless.yml, line " + (key.getStartMark().getLine() + 1) + ": " + path + "."
                                    + key.getValue() + " stands beside " + path + "'s Type, where CloudFormation takes only "
                                    + String.join(", ", new TreeSet<>(RESOURCE_ATTRIBUTES)) + ": a property? indent"
                                    + " it under " + path + ".Properties:");
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A plugin listed twice, as when a guide's {@code plugins:} block is pasted with its first line
     * under one that stands already: Serverless Framework v3 refuses the file ("Duplicate plugin
     * definition in configuration"), and so does the local cloud, but only after the build.
     */
    private static Optional<String> pluginListedTwice(Node root) {
        Node plugins = value(root, "plugins");
        if (plugins instanceof MappingNode withPath) { // the `plugins: {localPath: ..., modules: [...]}` form
            plugins = value(withPath, "modules");
        }
        if (plugins instanceof SequenceNode list) {
            Map<String, Integer> lineOfPlugin = new HashMap<>();
            for (Node item : list.getValue()) {
                if (item instanceof ScalarNode plugin) {
                    int line = plugin.getStartMark().getLine() + 1;
                    Integer first = lineOfPlugin.putIfAbsent(plugin.getValue(), line);
                    if (first != null) {
                        return Optional.of("serverless.yml, line " + line + ": plugins lists " + plugin.getValue() + " twice"
                                + " (lines " + first + " and " + line + "): keep one. The Serverless Framework refuses a"
                                + " duplicate plugin definition");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A block where an environment variable's value should be, as {@code iam:} pasted two spaces too
     * far right, under {@code environment:}: valid YAML, but a variable is text (or a CloudFormation
     * function, which is a tag like !Ref or a one-key block like Fn::GetAtt).
     */
    private static Optional<String> blockInAnEnvironment(Node root) {
        for (Map.Entry<String, Node> environment : environments(root).entrySet()) {
            if (environment.getValue() instanceof MappingNode variables) {
                for (NodeTuple variable : variables.getValue()) {
                    if (variable.getKeyNode() instanceof ScalarNode name && !isMergeKey(name) && isABlock(variable.getValueNode())) {
                        String path = environment.getKey();
                        return Optional.of("serverless.yml, line " + (name.getStartMark().getLine() + 1) + ": " + path + "."
                                + name.getValue() + " holds a block, where an environment variable's value is text (or a"
                                + " CloudFormation function such as !Ref): lines pasted too far right? Then " + name.getValue()
                                + ": belongs beside environment:, as far left as it, under " + path.substring(0,
                                path.lastIndexOf('.')) + ":");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An IAM statement without its Effect, Action or Resource (or NotAction, NotResource), as when a
     * guide's statement is pasted a line short: valid YAML, but IAM refuses the policy at deploy, and
     * the local cloud refuses the file only after the build and the tests.
     */
    private static Optional<String> statementWithoutAPart(Node root) {
        Map<String, Node> lists = new java.util.LinkedHashMap<>();
        lists.put("provider.iam.role.statements", value(value(value(value(root, "provider"), "iam"), "role"), "statements"));
        if (value(root, "functions") instanceof MappingNode functions) {
            for (NodeTuple function : functions.getValue()) {
                if (function.getKeyNode() instanceof ScalarNode name) {
                    lists.put("functions." + name.getValue() + ".iamRoleStatements", value(function.getValueNode(), "iamRoleStatements"));
                }
            }
        }
        for (Map.Entry<String, Node> list : lists.entrySet()) {
            if (list.getValue() instanceof SequenceNode statements) {
                for (int i = 0; i < statements.getValue().size(); i++) {
                    if (statements.getValue().get(i) instanceof MappingNode statement
                            && statement.getValue().stream().noneMatch(tuple -> isMergeKey(tuple.getKeyNode()))) {
                        Set<String> keys = statement.getValue().stream().map(tuple -> scalar(tuple.getKeyNode()))
                                .collect(Collectors.toSet());
                        Optional<String> missing = Stream.of("Effect", "Action", "Resource").filter(part -> !keys.contains(part)
                                && (part.equals("Effect") || !keys.contains("Not" + part))).findFirst(); // NotAction, NotResource
                        if (missing.isPresent()) {
                            return Optional.of("serverless.yml, line " + (statement.getStartMark().getLine() + 1) + ": "
                                    + list.getKey() + "[" + i + "] has no " + missing.get() + ": an IAM statement needs Effect,"
                                    + " Action and Resource (a line lost in the paste?), or IAM refuses the function's policy"
                                    + " when it deploys");
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Every environment block of serverless.yml, by where it stands ("provider.environment",
     * "functions.getUser.environment"); a value is null where a function has none.
     */
    public static Map<String, Node> environments(Node root) {
        Map<String, Node> environments = new java.util.LinkedHashMap<>();
        environments.put("provider.environment", value(value(root, "provider"), "environment"));
        if (value(root, "functions") instanceof MappingNode functions) {
            for (NodeTuple function : functions.getValue()) {
                if (function.getKeyNode() instanceof ScalarNode name) {
                    environments.put("functions." + name.getValue() + ".environment", value(function.getValueNode(), "environment"));
                }
            }
        }
        return environments;
    }

    /** A mapping or a list that is not a CloudFormation function (a tag such as !GetAtt, or one Ref or Fn:: key). */
    private static boolean isABlock(Node value) {
        if (value instanceof ScalarNode || value == null || value.getTag().isSecondary()) {
            return false;
        }
        if (value instanceof MappingNode mapping && mapping.getValue().size() == 1
                && mapping.getValue().get(0).getKeyNode() instanceof ScalarNode key
                && (key.getValue().equals("Ref") || key.getValue().startsWith("Fn::"))) {
            return false;
        }
        return true;
    }

    /** YAML's merge key ({@code <<: *defaults}), whose keys are merged into the mapping before anyone reads it. */
    private static boolean isMergeKey(Node key) {
        return key.getTag().equals(Tag.MERGE) || key instanceof ScalarNode scalar && scalar.getValue().equals("<<");
    }

    /**
     * A function's own {@code iamRoleStatements} (its node, as written), or null when it has none or
     * serverless.yml is no YAML (which the check says before the build).
     */
    public static Node ownStatements(List<String> serverlessYml, String function) {
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(String.join("\n", serverlessYml)));
            return value(value(value(root, "functions"), function), "iamRoleStatements");
        } catch (RuntimeException notYaml) {
            return null;
        }
    }

    /**
     * Whether {@code function}'s role allows {@code action} (by name, or a wildcard such as {@code dynamodb:*}): its own
     * {@code iamRoleStatements}, and the provider's statements where it has none or inherits them (the
     * serverless-iam-roles-per-function plugin's defaultInherit). Empty when serverless.yml is no YAML or has no such
     * function. Effects are not read: the workshop's statements all allow.
     */
    public static Optional<Boolean> allows(List<String> serverlessYml, String function, String action) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(String.join("\n", serverlessYml)));
        } catch (RuntimeException notYaml) {
            return Optional.empty();
        }
        Node declared = value(value(root, "functions"), function);
        if (declared == null) {
            return Optional.empty();
        }
        Node own = value(declared, "iamRoleStatements");
        boolean inherits = own == null || "true".equals(scalar(value(declared, "iamRoleStatementsInherit")))
                || "true".equals(scalar(value(value(value(root, "custom"), "serverless-iam-roles-per-function"), "defaultInherit")));
        Node providers = value(value(value(value(root, "provider"), "iam"), "role"), "statements");
        return Optional.of(names(own, action) || inherits && names(providers, action));
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    /** Whether a statement of the list {@code statements} has {@code action} in its Action, by name or a wildcard. */
    private static boolean names(Node statements, String action) {
        if (!(statements instanceof SequenceNode list)) {
            return false;
        }
        for (Node statement : list.getValue()) {
            Node actions = value(statement, "Action");
            List<Node> each = actions instanceof SequenceNode several ? several.getValue()
                    : actions == null ? List.of() : List.of(actions);
            for (Node one : each) {
                String name = scalar(one);
                boolean covers = name != null && name.endsWith("*") && action.startsWith(name.substring(0, name.length() - 1));
                if (action.equals(name) || covers) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The value of {@code key} in a mapping, or null (also for a {@code node} that is no mapping, or null). */
    public static Node value(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }

    /** The first finding of {@code look} in a mapping's values or a list's items, depth first. */
    private static Optional<String> children(Node node, String path, BiFunction<Node, String, Optional<String>> look) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    Optional<String> found = look.apply(tuple.getValueNode(), child(path, key.getValue()));
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Optional<String> found = look.apply(sequence.getValue().get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Where the '}' closing a "${" whose content starts at {@code from} stands, or -1: the local
     * cloud's rule (its ServerlessVariables), written again here because the tools are built
     * alone ({@code -f workshop/tools}) and cannot depend on the local cloud's module.
     */
    private static int closingBrace(String text, int from) {
        int depth = 1;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
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

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * A no-break space (U+00A0) outside a comment, as the local cloud refuses it: pasted from a web
     * page it looks like a space, and YAML reads it as text, or as a line indented out of its block.
     */
    private static Optional<String> noBreakSpace(String text) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int comment = lines[i].indexOf('#');
            int column = (comment < 0 ? lines[i] : lines[i].substring(0, comment)).indexOf('\u00A0');
            if (column >= 0) {
                return Optional.of("serverless.yml has a no-break space (U+00A0) at line " + (i + 1) + ", column " + (column + 1)
                        + ", most likely pasted from a web page: it looks like a space, but YAML reads it as text."
                        + " Type plain spaces there");
            }
        }
        return Optional.empty();
    }

    private static String describe(MarkedYAMLException e, String[] lines) {
        Mark problem = e.getProblemMark();
        if (isATabAfterText(e, lines)) { // SnakeYAML calls every tab indentation
            return "serverless.yml: a tab at " + place(problem) + ", after text on its line: the Serverless Framework would"
                    + " take it, but the local cloud's YAML parser takes spaces only there. Type a space instead";
        }
        StringBuilder text = new StringBuilder("serverless.yml is not valid YAML: ");
        if (problem != null) {
            text.append(place(problem)).append(": ");
        }
        text.append(e.getProblem());
        Mark context = e.getContextMark();
        if (e.getContext() != null) {
            text.append(" (").append(e.getContext());
            if (context != null && (problem == null || context.getLine() != problem.getLine())) {
                text.append(" at ").append(place(context));
            }
            text.append(')');
        }
        text.append(usually(e, lines));
        return text.toString();
    }

    /** SnakeYAML's words for the slips a hand edit makes most, in the attendee's words. */
    private static String usually(MarkedYAMLException e, String[] lines) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        if (e.getContext() != null && e.getContext().contains("quoted scalar") && e.getContextMark() != null) {
            return ": the quote opened at line " + (e.getContextMark().getLine() + 1) + " is never closed";
        }
        if (problem.startsWith("expected <block end>") && problem.contains("<scalar>")) {
            Optional<String> opened = lineOpeningAQuote(lines, e.getContextMark(), e.getProblemMark());
            if (opened.isPresent()) {
                return ": " + opened.get();
            }
            return ": that line is indented differently from the lines of its block, or a quote (\" or ') opened on an"
                    + " earlier line was never closed";
        }
        if (problem.startsWith("expected <block end>") && e.getContext() != null && e.getContext().contains("block collection")
                && e.getContextMark() != null && e.getProblemMark() != null) {
            int list = e.getContextMark().getLine();
            int key = list - 1;
            while (key > 0 && (lines[key].isBlank() || lines[key].strip().startsWith("#"))) {
                key--;
            }
            return ": line " + (e.getProblemMark().getLine() + 1) + " stands as deep as the list that starts at line " + (list + 1)
                    + " but is none of its items; the list's key (line " + (key + 1) + ") or line " + (e.getProblemMark().getLine() + 1)
                    + " is indented out of place: indent them as the guide's block does";
        }
        if (problem.startsWith("expected <block end>")) {
            return ": that line is indented differently from the lines of its block; indent it as they are";
        }
        if (problem.startsWith("mapping values are not allowed here")) {
            return ": a second \": \" on one line (a value with \": \" in it needs quotes) or a key indented under a value";
        }
        if (problem.startsWith("could not find expected ':'") && e.getContextMark() != null) {
            return ": line " + (e.getContextMark().getLine() + 1) + " has no \": \" after its key (YAML needs a space after"
                    + " the colon: KEY: value)";
        }
        return "";
    }

    /** A single-quoted value's opening quote, after "key: " or "- ", and what follows it on its line. */
    private static final Pattern OPENS_A_SINGLE_QUOTE = Pattern.compile("^\\s*(?:-\\s+)?(?:[^'\"#]*:\\s+)?'(.*)$");

    /**
     * The first line, from the block's start to the line before the error, that opens a quote it
     * does not close: an odd number of double quotes outside a comment, or a value that starts with
     * a single quote and has none after it ('' is a quote inside the text). The quote then runs on
     * to the next one, lines later, in a comment's "table's" as well.
     */
    private static Optional<String> lineOpeningAQuote(String[] lines, Mark from, Mark to) {
        if (from == null || to == null) {
            return Optional.empty();
        }
        for (int i = from.getLine(); i < to.getLine() && i < lines.length; i++) {
            String line = lines[i].strip().startsWith("#") ? "" : lines[i].replace("\\\"", "");
            int comment = line.indexOf(" #");
            String content = comment < 0 ? line : line.substring(0, comment);
            if (content.chars().filter(c -> c == '"').count() % 2 == 1) {
                return Optional.of("line " + (i + 1) + " opens a double quote that is not closed on that line (the next \" closes"
                        + " it, lines later): close it on line " + (i + 1));
            }
            Matcher single = OPENS_A_SINGLE_QUOTE.matcher(line);
            if (single.matches() && single.group(1).replace("''", "").indexOf('\'') < 0) {
                return Optional.of("line " + (i + 1) + " opens a single quote that is not closed on that line (the next ' closes"
                        + " it, lines later, even an apostrophe in a comment): close it on line " + (i + 1) + ", or remove it");
            }
        }
        return Optional.empty();
    }

    private static boolean isATabAfterText(MarkedYAMLException e, String[] lines) {
        Mark mark = e.getProblemMark();
        if (e.getProblem() == null || !e.getProblem().contains("(TAB)") || mark == null || mark.getLine() >= lines.length) {
            return false;
        }
        String line = lines[mark.getLine()];
        return !line.substring(0, Math.min(mark.getColumn(), line.length())).isBlank();
    }

    private static String place(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }
}
