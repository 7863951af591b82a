package com.example.workshop.tools.check;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Whether serverless.yml is YAML at all, read before the build: a tab or a line indented out of
 * place is then told in a second, not after a minute of building and testing. Only the syntax: what
 * the file says (names, actions, variables) is the local cloud's to judge when it starts.
 */
final class ServerlessYmlSyntax {
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
        try {
            // Nodes only, as the local cloud reads it first: CloudFormation's !Sub and !GetAtt need no constructor here.
            new Yaml(new LoaderOptions()).compose(new StringReader(text));
            return Optional.empty();
        } catch (MarkedYAMLException e) {
            return Optional.of(describe(e));
        } catch (YAMLException e) {
            return Optional.of("serverless.yml is not valid YAML: " + e.getMessage());
        }
    }

    private static String describe(MarkedYAMLException e) {
        StringBuilder text = new StringBuilder("serverless.yml is not valid YAML: ");
        Mark problem = e.getProblemMark();
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
        text.append(usually(e.getProblem()));
        return text.toString();
    }

    /** SnakeYAML's words for the two slips a hand edit makes most, in the attendee's words. */
    private static String usually(String problem) {
        if (problem == null) {
            return "";
        }
        if (problem.startsWith("expected <block end>")) {
            return ": that line is indented differently from the lines of its block; indent it as they are";
        }
        if (problem.startsWith("mapping values are not allowed here")) {
            return ": a second \": \" on one line (a value with \": \" in it needs quotes) or a key indented under a value";
        }
        return "";
    }

    private static String place(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }
}
