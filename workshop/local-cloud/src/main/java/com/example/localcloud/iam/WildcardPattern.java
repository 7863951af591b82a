package com.example.localcloud.iam;

import java.util.regex.Pattern;

/**
 * An IAM {@code Action} or {@code Resource} value with its {@code *} and {@code ?} wildcards,
 * matched as IAM matches them.
 *
 * <ul>
 *   <li>Actions ({@code dynamodb:Get*}) are case-insensitive, prefix and name alike; {@code *}
 *       is any run of characters, {@code ?} any one character.</li>
 *   <li>Resource ARNs are case-sensitive and wildcards stay inside one colon-separated segment,
 *       except that a {@code *} ending a segment may run on across colons (IAM's documented rule,
 *       which is what makes {@code arn:aws:dynamodb:us-east-1:*} cover every table there).</li>
 * </ul>
 */
final class WildcardPattern {

    private final String text;
    private final Pattern regex;

    private WildcardPattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    static WildcardPattern action(String text) {
        return new WildcardPattern(text, Pattern.compile(toRegex(text, false), Pattern.CASE_INSENSITIVE));
    }

    static WildcardPattern resource(String text) {
        return new WildcardPattern(text, Pattern.compile(toRegex(text, true)));
    }

    boolean matches(String value) {
        return value != null && regex.matcher(value).matches();
    }

    @Override
    public String toString() {
        return text;
    }

    private static String toRegex(String wildcard, boolean colonSeparatedSegments) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < wildcard.length(); i++) {
            char c = wildcard.charAt(i);
            if (c != '*' && c != '?') {
                literal.append(c);
                continue;
            }
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
            if (!colonSeparatedSegments) {
                regex.append(c == '*' ? ".*" : ".");
            } else if (c == '?') {
                regex.append("[^:]");
            } else {
                boolean endsSegment = i + 1 == wildcard.length() || wildcard.charAt(i + 1) == ':';
                regex.append(endsSegment ? ".*" : "[^:]*");
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return regex.toString();
    }
}
