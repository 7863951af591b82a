package com.example.localcloud.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keys a hand edit left at the wrong level (a block pasted two spaces too far left or right), where
 * the Serverless Framework warns "unrecognized property" and goes on without them (its
 * configValidationMode is warn by default), or where a plugin does not look: the function then
 * lacks what they set, and its failure looks like the code's. Noted with their lines, as the
 * framework warns; what CloudFormation would refuse (a block beside Resources:, a property beside
 * Properties:) is the loader's to refuse.
 */
final class MisplacedKeys {
    /** Provider settings that a block pasted two spaces too far left leaves at the top level. */
    private static final Set<String> PROVIDER_SETTINGS = Set.of("runtime", "memorySize", "timeout", "environment", "iam",
            "iamRoleStatements", "apiGateway", "stage", "region");
    /** A function's settings, which a block indented too far right leaves inside one of its events. */
    private static final Set<String> FUNCTION_SETTINGS = Set.of("handler", "environment", "iamRoleStatements",
            "iamRoleStatementsInherit", "iamRoleStatementsName", "iam", "memorySize", "timeout", "runtime", "package", "events");
    /** How an environment variable is named: a key like this among provider's or a function's settings is one. */
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z][A-Z0-9]*_[A-Z0-9_]+");
    private static final String IGNORED = ", where the Serverless Framework ignores it (unrecognized property)";

    private final ConfigSource source;
    private final Map<String, Object> document;
    private final List<String> notes = new ArrayList<>();

    MisplacedKeys(ConfigSource source, Map<String, Object> document) {
        this.source = source;
        this.document = document;
    }

    /** Whether {@link #notes} says where {@code key}, found in an event's item beside the event, belongs. */
    static boolean isNotedInAnEvent(Map<?, ?> event, String key) {
        return FUNCTION_SETTINGS.contains(key)
                || event.containsKey("stream") && ServerlessConfigLoader.STREAM_SETTINGS_EMULATED.contains(key);
    }

    /** One note per key at the wrong level, each with its line and where it belongs ("indent it under ..."). */
    List<String> notes() {
        document.keySet().stream().filter(PROVIDER_SETTINGS::contains).forEach(key -> notes.add(key + " is at the top level"
                + " of serverless.yml" + source.at(key) + IGNORED + ": it is a setting of provider, indent it under provider:"));
        document.forEach((key, value) -> {
            if (value instanceof Map<?, ?> block && block.containsKey("handler")) {
                notes.add(key + " is a function's block (it has a handler) at the top level of serverless.yml" + source.at(key)
                        + IGNORED + " and deploys no function " + key + ": indent it under functions:");
            }
        });
        List<?> plugins = document.get("plugins") instanceof List<?> listed ? listed : List.of();
        document.keySet().stream().filter(plugins::contains).forEach(key -> notes.add(key + " is at the top level of"
                + " serverless.yml" + source.at(key) + IGNORED + ": the plugin reads its settings from custom." + key
                + ", indent it under custom:"));
        if (document.get("custom") instanceof Map<?, ?> custom && custom.containsKey("defaultInherit")
                && plugins.contains(RolesPerFunction.PLUGIN)) {
            notes.add("custom.defaultInherit" + source.at("custom.defaultInherit") + " is a setting of the " + RolesPerFunction.PLUGIN
                    + " plugin, beside its name, where the plugin does not read it: indent it under custom." + RolesPerFunction.PLUGIN + ":");
        }
        if (document.get("provider") instanceof Map<?, ?> provider) {
            variablesBesideSettings(provider, "provider");
        }
        if (document.get("functions") instanceof Map<?, ?> functions) {
            functions.forEach((name, definition) -> {
                if (definition instanceof Map<?, ?> settings) {
                    variablesBesideSettings(settings, "functions." + name);
                    functionsInsideAFunction(settings, "functions." + name);
                    settingsInsideAnEvent(settings, "functions." + name);
                }
            });
        }
        return notes;
    }

    private void variablesBesideSettings(Map<?, ?> settings, String path) {
        settings.keySet().stream().map(String::valueOf).filter(key -> VARIABLE_NAME.matcher(key).matches())
                .forEach(key -> notes.add(path + "." + key + source.at(path + "." + key) + " is named like an environment"
                        + " variable but stands beside " + path + "'s settings" + IGNORED + ": indent it under " + path + ".environment:"));
    }

    /** A function's block (it has a handler) pasted under the function above it: no such function is deployed. */
    private void functionsInsideAFunction(Map<?, ?> settings, String path) {
        settings.forEach((key, value) -> {
            if (value instanceof Map<?, ?> block && block.containsKey("handler")) {
                notes.add(path + "." + key + source.at(path + "." + key) + " is a function's block (it has a handler) inside "
                        + path + IGNORED + " and deploys no function " + key + ": indent it under functions:, as " + path + " is");
            }
        });
    }

    /**
     * Beside an event, in its list item: a setting of the stream event indented two spaces too few,
     * or a setting of the function indented two spaces too many (into its last event).
     */
    private void settingsInsideAnEvent(Map<?, ?> settings, String function) {
        if (!(settings.get("events") instanceof List<?> events)) {
            return;
        }
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof Map<?, ?> event)) {
                continue;
            }
            String eventPath = YamlValues.element(function + ".events", i);
            for (Object key : event.keySet()) {
                String path = eventPath + "." + key;
                if (event.containsKey("stream") && ServerlessConfigLoader.STREAM_SETTINGS_EMULATED.contains(String.valueOf(key))) {
                    notes.add(path + source.at(path) + " is a setting of the stream event beside it, at the stream's level:"
                            + " indent it under stream:, with the stream's other settings, or it is not the stream's");
                } else if (FUNCTION_SETTINGS.contains(String.valueOf(key))) {
                    notes.add(path + source.at(path) + " is a setting of the function, inside one of its events, where the"
                            + " Serverless Framework ignores it: indent it under " + function + ":, as its events: are");
                }
            }
        }
    }
}
