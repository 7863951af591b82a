package com.example.loadtest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Checks of the options as given, made before anything is built, started or written: each
 * failure is a message naming the option and the value typed, e.g. "--duration must be
 * positive, not 0s".
 */
final class OptionChecks {

    private final ParseResult parsed;

    OptionChecks(CommandSpec spec) {
        this.parsed = spec.commandLine().getParseResult();
    }

    /** Whether the option was on the command line (not just its default). */
    boolean given(String option) {
        return parsed != null && parsed.hasMatchedOption(option);
    }

    /** The value as typed (e.g. {@code 0s}), or the parsed value's text where the option was not given. */
    String typed(String option, Object value) {
        OptionSpec matched = parsed == null ? null : parsed.matchedOption(option);
        return matched == null || matched.originalStringValues().isEmpty() ? String.valueOf(value)
                : String.join(",", matched.originalStringValues());
    }

    void positive(String option, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            fail(option + " must be positive, not " + typed(option, value));
        }
    }

    void notNegative(String option, Duration value) {
        if (value != null && value.isNegative()) {
            fail(option + " must not be negative, not " + typed(option, value));
        }
    }

    void atLeast(String option, long value, long minimum) {
        if (value < minimum) {
            fail(option + " must be at least " + minimum + ", not " + typed(option, value));
        }
    }

    void between(String option, long value, long minimum, long maximum, String why) {
        if (value < minimum || value > maximum) {
            fail(option + " must be between " + minimum + " and " + maximum + why + ", not " + typed(option, value));
        }
    }

    /** Options that mean something only beside {@code needed}, e.g. --paused without --dashboard. */
    void onlyWith(String needed, boolean present, String... options) {
        for (String option : options) {
            if (!present && given(option)) {
                fail(option + " works only with " + needed + ": add " + needed + ", or leave out " + option);
            }
        }
    }

    /**
     * A deployed API's base URL: http or https, with a host, no user info (the run would print and
     * store it), and no query or fragment (request paths are appended to it). The message never
     * repeats the user info or the query.
     */
    static void targetUrls(List<URI> urls) {
        for (URI url : urls) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                fail("--target-url takes the API's http(s) base URL, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/dev;"
                        + " this is not an http(s) URL with a host: " + shown(url));
            }
            if (url.getRawUserInfo() != null) {
                fail("--target-url " + shown(url) + " has a user name or password before the host: the load test would print "
                        + "it and write it into its results; leave it out (put credentials elsewhere: the load test sends none)");
            }
            if (url.getRawQuery() != null || url.getRawFragment() != null) {
                fail("--target-url " + shown(url) + " has a query string or fragment: give the base URL alone (the request "
                        + "paths are appended to it)");
            }
        }
    }

    /**
     * Two stages with the same label (e.g. {@code step-4} and {@code solutions/step-4-write-aside},
     * or one URL twice) would share a log file and give two rows of one name.
     *
     * @param labels the label of each stage, in the order given
     * @param given  how each was given on the command line
     */
    static void distinctStages(List<String> labels, List<String> given) {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String before = seen.putIfAbsent(labels.get(i), given.get(i));
            if (before != null) {
                fail("'" + before + "' and '" + given.get(i) + "' are the same stage (" + labels.get(i) + "): give each stage once");
            }
        }
    }

    /**
     * A file the command writes at its very end (benchmark's {@code --write}): its folder is made
     * now, and must take a file, so that a run of many minutes does not fail on its last line.
     */
    static void writable(String option, Path file) {
        if (file == null) {
            return;
        }
        Path folder = file.toAbsolutePath().getParent();
        try {
            java.nio.file.Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            fail(option + " " + file + ": its folder cannot be made (" + e + ")");
        }
        if (java.nio.file.Files.isDirectory(file) || !java.nio.file.Files.isWritable(folder)) {
            fail(option + " " + file + (java.nio.file.Files.isDirectory(file) ? " is a folder: name a file"
                    : ": its folder " + folder + " takes no new file"));
        }
    }

    /** A URL without its user info, query and fragment: what can be printed. */
    static String shown(URI url) {
        if (url.getHost() == null) {
            String text = url.toString();
            return text.contains("@") || text.contains("?") ? "(not shown: it may hold a password)" : text;
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "")
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    static void fail(String message) {
        throw new IllegalArgumentException(message);
    }
}
