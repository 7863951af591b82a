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
    /**
     * Every setting a function may have, as the Serverless Framework v3 that package.json pins (3.40.0)
     * validates them: its own (name, events), the aws provider's (lib/plugins/aws/provider.js, the
     * function schema), and the serverless-iam-roles-per-function plugin's (iamRoleStatements, ...).
     * Any other key of a function is "unrecognized property": warned about, and ignored. Not iam: v4
     * knows a function's iam.role.statements, v3 does not (see {@link #V4_ONLY}).
     */
    private static final Set<String> FUNCTION_PROPERTIES = Set.of("name", "events",
            "architecture", "awsKmsKeyArn", "condition", "dependsOn", "description", "destinations", "disableLogs",
            "environment", "ephemeralStorageSize", "fileSystemConfig", "handler", "image", "kmsKeyArn", "snapStart", "layers",
            "logRetentionInDays", "logDataProtectionPolicy", "maximumEventAge", "maximumRetryAttempts", "memorySize", "onError",
            "package", "provisionedConcurrency", "reservedConcurrency", "role", "runtime", "runtimeManagement", "tags", "timeout",
            "tracing", "url", "versionFunction", "vpc", "httpApi",
            "iamRoleStatements", "iamRoleStatementsInherit", "iamRoleStatementsName", "iamPermissionsBoundary");
    /**
     * A function's own iam (role.statements), as the Serverless Framework v4 documents it: the v3 that
     * every serverless.yml here asks for (frameworkVersion: '3') warns "unrecognized property" and
     * deploys the function without those statements, so its calls are refused on AWS.
     */
    private static final String V4_ONLY = "iam";
    /** Worded as the other notes of a key no function has, which check points at when a failure names the key. */
    private static final String NO_SUCH_SETTING_IN_V3 = " is no setting of a";
    /** The settings of a stream event (the framework's schema of it, stream.js), which a function does not have. */
    private static final Set<String> STREAM_EVENT_PROPERTIES = Set.of("arn", "type", "batchSize", "parallelizationFactor",
            "startingPosition", "startingPositionTimestamp", "enabled", "consumer", "batchWindow", "maximumRetryAttempts",
            "bisectBatchOnFunctionError", "maximumRecordAgeInSeconds", "functionResponseType", "destinations",
            "tumblingWindowInSeconds", "filterPatterns");
    /** The settings of an http event that the guides write, which a function does not have. */
    private static final Set<String> HTTP_EVENT_PROPERTIES = Set.of("method", "path", "cors", "private", "authorizer");
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
                    settingsNoFunctionHas(settings, "functions." + name);
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
     * A key no function has (the framework warns "unrecognized property" and deploys the function
     * without it): a setting of one of its events indented two spaces too few, or a misspelt setting.
     * Variables and functions' blocks at this level are noted as such above; a key without a value
     * is none to the framework either (it drops empty values before it validates).
     */
    private void settingsNoFunctionHas(Map<?, ?> settings, String function) {
        List<?> events = settings.get("events") instanceof List<?> list ? list : List.of();
        settings.forEach((keyObject, value) -> {
            String key = String.valueOf(keyObject);
            String path = function + "." + key;
            if (value == null || VARIABLE_NAME.matcher(key).matches()
                    || value instanceof Map<?, ?> block && block.containsKey("handler")) {
                return;
            }
            if (FUNCTION_PROPERTIES.contains(key)) {
                if (STREAM_EVENT_PROPERTIES.contains(key) && !lines(events, function, "stream").isEmpty()) {
                    // Known here too, for asynchronous invocations: the stream's retries and destinations are the event's own.
                    notes.add(path + source.at(path) + " is the function's setting for asynchronous invocations, which its"
                            + " stream event does not use: for the stream's, indent it under the function's - stream:"
                            + lines(events, function, "stream") + ", beside its arn: and type:");
                }
                return;
            }
            String prefix = path + source.at(path);
            if (key.equals(V4_ONLY)) {
                notes.add(prefix + NO_SUCH_SETTING_IN_V3 + " function in the Serverless Framework v3, which serverless.yml"
                        + " asks for (frameworkVersion: '3'; a function's iam is v4's): v3 ignores it (unrecognized property)"
                        + " and the function runs without these statements: write them as the function's iamRoleStatements"
                        + " (a list of statements, beside its handler), which the serverless-iam-roles-per-function plugin reads,"
                        + " or, for every function, under provider.iam.role.statements");
            } else if (STREAM_EVENT_PROPERTIES.contains(key)) {
                notes.add(prefix + " is a setting of a stream event, beside the function's settings" + IGNORED + ": indent it"
                        + " under the function's - stream:" + lines(events, function, "stream") + ", beside its arn: and type:");
            } else if (HTTP_EVENT_PROPERTIES.contains(key)) {
                notes.add(prefix + " is a setting of an http event, beside the function's settings" + IGNORED + ": indent it"
                        + " under the function's - http:" + lines(events, function, "http") + ", written out with its method: and path:");
            } else {
                notes.add(prefix + " is no setting of a function" + IGNORED + " and the function runs without it: a"
                        + " function's settings are handler, events, environment, memorySize, timeout, iamRoleStatements and the"
                        + " like; a misspelt one, or one that belongs elsewhere?");
            }
        });
    }

    /** " (line 9)", or " (lines 9, 14)", for the function's events of that kind; "" when it has none. */
    private String lines(List<?> events, String function, String kind) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String path = YamlValues.element(function + ".events", i) + "." + kind;
            if (events.get(i) instanceof Map<?, ?> event && event.containsKey(kind) && !source.at(path).isEmpty()) {
                lines.add(source.at(path).replaceAll("\\D+", " ").trim());
            }
        }
        return lines.isEmpty() ? "" : " (line" + (lines.size() > 1 ? "s " : " ") + String.join(", ", lines) + ")";
    }

    /**
     * The note for a key inside {@code stream:} that no stream event has (the framework's schema of
     * it): the framework warns "unrecognized property" and leaves it out, so AWS does not apply it.
     */
    static java.util.Optional<String> noStreamSetting(ConfigSource source, String streamPath, String key) {
        if (STREAM_EVENT_PROPERTIES.contains(key)) {
            return java.util.Optional.empty();
        }
        String path = streamPath + "." + key;
        return java.util.Optional.of(path + source.at(path) + " is no setting of a stream event" + IGNORED + ": a stream's"
                + " settings are arn, type, batchSize, startingPosition, functionResponseType and the like; a misspelt one?");
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
