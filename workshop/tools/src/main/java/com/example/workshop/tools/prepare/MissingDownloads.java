package com.example.workshop.tools.prepare;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Maven's output for what it could not find while offline. Maven 3.9 says, for each artifact
 * missing from the local repository: "Cannot access central (https://...) in offline mode and the
 * artifact org.example:lib:jar:1.0 has not been downloaded from it before." For a plugin prefix
 * (the {@code exec} of {@code exec:java}) whose group metadata is missing: "No plugin found for
 * prefix 'exec' in the current project and in the plugin groups [...]".
 */
final class MissingDownloads {
    private static final Pattern ARTIFACT = Pattern.compile("artifact (\\S+) has not been downloaded from it before");
    private static final Pattern PREFIX = Pattern.compile("No plugin found for prefix '([^']+)'");

    private MissingDownloads() {
    }

    /** What Maven could not find offline, each once, e.g. "info.picocli:picocli:jar:4.7.7". */
    static List<String> in(List<String> output) {
        Set<String> missing = new LinkedHashSet<>();
        for (String line : output) {
            Matcher artifact = ARTIFACT.matcher(line);
            while (artifact.find()) {
                missing.add(artifact.group(1));
            }
            Matcher prefix = PREFIX.matcher(line);
            if (prefix.find()) {
                missing.add("the Maven plugin for '" + prefix.group(1) + ":' (its plugin group's metadata)");
            }
        }
        return List.copyOf(missing);
    }

    /** "a, b and 3 more" */
    static String summary(List<String> missing) {
        int shown = Math.min(2, missing.size());
        String named = String.join(", ", missing.subList(0, shown));
        return missing.size() > shown ? named + " and " + (missing.size() - shown) + " more" : named;
    }
}
