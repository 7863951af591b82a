package com.example.workshop.tools.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough reading of Java source for {@code check} to tell which side of a compile error is as
 * the guide has it: an attendee who types the code writes comments and layout of their own, so a
 * file is compared by its code, and a constructor or method by its parameter types.
 */
final class JavaSource {
    private JavaSource() {
    }

    /**
     * The code alone: comments and whitespace left out, string and character literals kept as
     * they are (a {@code "//"} in a URL is no comment). Only to compare two files: with the spaces
     * gone, tokens run together ({@code int ab} reads as {@code inta b} does).
     */
    static String code(String source) {
        return withoutComments(source, false);
    }

    /** The source without its comments, its layout kept (a block comment becomes a space). */
    static String withoutComments(String source) {
        return withoutComments(source, true);
    }

    /** {@code source} without comments; whitespace kept (a comment becomes a space) or left out. */
    private static String withoutComments(String source, boolean keepWhitespace) {
        StringBuilder code = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                code.append(keepWhitespace ? " " : "");
            } else if (c == '"' || c == '\'') {
                int end = endOfLiteral(source, i);
                code.append(source, i, end);
                i = end;
            } else {
                if (keepWhitespace || !Character.isWhitespace(c)) {
                    code.append(c);
                }
                i++;
            }
        }
        return code.toString();
    }

    /** The index after the string, text block or character literal that starts at {@code start}. */
    private static int endOfLiteral(String source, int start) {
        String quote = source.startsWith("\"\"\"", start) ? "\"\"\"" : String.valueOf(source.charAt(start));
        int i = start + quote.length();
        while (i < source.length() && !source.startsWith(quote, i)) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(source.length(), i + quote.length());
    }

    /**
     * The parameter types of every constructor or method called {@code name} that {@code source}
     * declares, as javac lists them after "required:" without packages and spaces
     * ({@code AccountRepository,AccountCache}; "no arguments" for none).
     */
    static List<String> parameterTypes(String source, String name) {
        List<String> declared = new ArrayList<>();
        // Annotations with arguments first (@Named("x")): their parentheses would end the parameter list early.
        String code = withoutComments(source, true).replaceAll("@[\\w.]+\\s*\\([^()]*\\)", " ");
        Matcher declaration = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\(([^()]*)\\)\\s*(?:throws\\b[^{;]*)?\\{")
                .matcher(code);
        while (declaration.find()) {
            List<String> types = new ArrayList<>();
            for (String parameter : topLevel(declaration.group(1))) {
                String type = parameter.replaceAll("@[\\w.]+", "").replaceAll("\\bfinal\\b", "").strip()
                        .replaceFirst("\\s*\\b\\w+$", ""); // the parameter's name
                // javac writes varargs as the array they are: "String[]" for "String... names".
                types.add(type.replaceAll("\\b(?:[a-z]\\w*\\.)+(?=[A-Z])", "").replaceAll("\\s+", "").replace("...", "[]"));
            }
            declared.add(types.isEmpty() ? "no arguments" : String.join(",", types));
        }
        return declared;
    }

    /** What javac's "required: ..." says, packages and spaces left out, to compare with {@link #parameterTypes}. */
    static String requiredTypes(String required) {
        String types = required.strip();
        return types.equals("no arguments") ? types
                : types.replaceAll("\\b(?:[a-z]\\w*\\.)+(?=[A-Z])", "").replaceAll("\\s+", "");
    }

    /** A method's declaration: its modifiers (group 1), its return type (2) and its name (3). */
    private static final Pattern METHOD_DECLARATION = Pattern.compile("(?m)^[ \\t]*(?:@[\\w.]+\\s+)*((?:(?:public|protected|private|static"
            + "|final|synchronized|abstract|default|native)\\s+)*)(?:<[^>]*>\\s+)?([\\w.$]+(?:<[^(){};=]*>)?(?:\\[])*)\\s+(\\w+)\\s*\\(");

    /** Words the declaration pattern may take for a return type: a constructor's modifier, a nested record's keyword. */
    private static final Set<String> NOT_A_RETURN_TYPE = Set.of("public", "protected", "private", "static", "final",
            "synchronized", "abstract", "default", "native", "record", "class", "interface", "enum", "new", "return");

    /**
     * The names of the methods that the source's top-level type declares, private ones left out:
     * what other classes and the tests can call. Enough to tell which of an edit's new methods a
     * file has (step 6's AccountCache.java with {@code replace} typed, {@code remove} not yet).
     */
    static Set<String> callableMethods(String source) {
        String code = withoutComments(source, true);
        StringBuilder typeBody = new StringBuilder(); // the type's own level only: bodies and literals blanked
        int depth = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(code, i);
                typeBody.append(" ".repeat(end - i));
                i = end - 1;
                continue;
            }
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            typeBody.append(depth <= 1 || c == '\n' || c == '{' || c == '}' ? c : ' ');
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher declaration = METHOD_DECLARATION.matcher(typeBody);
        while (declaration.find()) {
            // The type's own level holds no statements, but a constructor ("public AccountCache(") or a record ("record Entry(").
            boolean notAMethod = NOT_A_RETURN_TYPE.contains(declaration.group(2));
            if (!declaration.group(1).contains("private") && !notAMethod) {
                names.add(declaration.group(3));
            }
        }
        return names;
    }

    /** "Map<String, X> a, int b" as its two parameters: commas inside angle brackets stay. */
    private static List<String> topLevel(String parameters) {
        List<String> split = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : parameters.toCharArray()) {
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == ',' && depth == 0) {
                split.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            split.add(current.toString());
        }
        return split;
    }
}
