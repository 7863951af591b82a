package com.example.localcloud.iam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One statement of an identity-based policy, as serverless.yml's {@code iam.role.statements}
 * declare them (CloudFormation functions already resolved):
 * {@code {Effect: Allow, Action: [dynamodb:GetItem], Resource: arn:aws:dynamodb:...:table/t}}.
 *
 * <p>{@code NotAction} and {@code NotResource} are supported (the statement then applies to
 * everything the list does NOT match). {@code Condition} and {@code Principal} are refused with a
 * {@link PolicyException}: ignoring a condition would allow more (or deny more) than AWS does.
 */
public final class PolicyStatement {

    /** Allow or Deny. */
    public enum Effect { ALLOW, DENY }

    private static final Set<String> KNOWN_KEYS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource");

    private final Effect effect;
    private final List<WildcardPattern> actions;
    private final boolean notAction;
    private final List<WildcardPattern> resources;
    private final boolean notResource;

    private PolicyStatement(Effect effect, List<WildcardPattern> actions, boolean notAction,
                            List<WildcardPattern> resources, boolean notResource) {
        this.effect = effect;
        this.actions = actions;
        this.notAction = notAction;
        this.resources = resources;
        this.notResource = notResource;
    }

    /** A statement with plain {@code Action} and {@code Resource} lists. */
    public static PolicyStatement of(String effect, List<String> actions, List<String> resources) {
        return new PolicyStatement(parseEffect(effect), actionPatterns(actions, "Action"), false,
                resourcePatterns(resources, "Resource"), false);
    }

    /**
     * Reads a statement as YAML/JSON parsing gives it: keys {@code Effect}, {@code Action} or
     * {@code NotAction}, {@code Resource} or {@code NotResource} (each a string or a list of
     * strings), and an optional {@code Sid}.
     *
     * @throws PolicyException if the statement is malformed or uses what this evaluator cannot honour
     */
    public static PolicyStatement fromMap(Map<String, ?> statement) {
        for (String key : statement.keySet()) {
            if (!KNOWN_KEYS.contains(key)) {
                throw new PolicyException("IAM statement key '" + key + "' is not supported by the local cloud"
                        + " (supported: Effect, Action/NotAction, Resource/NotResource, Sid): " + statement);
            }
        }
        Effect effect = parseEffect(statement.get("Effect"));
        boolean notAction = exactlyOne(statement, "Action", "NotAction");
        boolean notResource = exactlyOne(statement, "Resource", "NotResource");
        String actionKey = notAction ? "NotAction" : "Action";
        String resourceKey = notResource ? "NotResource" : "Resource";
        return new PolicyStatement(effect,
                actionPatterns(strings(statement.get(actionKey), actionKey, statement), actionKey), notAction,
                resourcePatterns(strings(statement.get(resourceKey), resourceKey, statement), resourceKey), notResource);
    }

    /** Reads every statement of a list, e.g. a function's {@code iam.role.statements}. */
    public static List<PolicyStatement> fromMaps(Collection<? extends Map<String, ?>> statements) {
        List<PolicyStatement> parsed = new ArrayList<>();
        for (Map<String, ?> statement : statements) {
            parsed.add(fromMap(statement));
        }
        return List.copyOf(parsed);
    }

    public Effect effect() {
        return effect;
    }

    /** Whether this statement speaks about this action on this resource (whatever its effect). */
    public boolean appliesTo(String action, String resourceArn) {
        return anyMatches(actions, action) != notAction && anyMatches(resources, resourceArn) != notResource;
    }

    /**
     * The Resource patterns of an Allow statement that names this action (e.g. to tell a caller
     * refused on one ARN which ARNs its role does allow); empty for a Deny, a statement about other
     * actions, or one with {@code NotResource}.
     */
    public List<String> allowedResourcesFor(String action) {
        if (effect != Effect.ALLOW || notResource || anyMatches(actions, action) == notAction) {
            return List.of();
        }
        return resources.stream().map(WildcardPattern::toString).toList();
    }

    @Override
    public String toString() {
        return effect + " " + (notAction ? "NotAction " : "") + actions + " on " + (notResource ? "NotResource " : "") + resources;
    }

    private static boolean anyMatches(List<WildcardPattern> patterns, String value) {
        for (WildcardPattern pattern : patterns) {
            if (pattern.matches(value)) {
                return true;
            }
        }
        return false;
    }

    private static Effect parseEffect(Object effect) {
        // IAM takes exactly "Allow" or "Deny": "allow" is a malformed policy, not an Allow.
        if ("Allow".equals(effect)) {
            return Effect.ALLOW;
        }
        if ("Deny".equals(effect)) {
            return Effect.DENY;
        }
        throw new PolicyException("IAM statement Effect must be Allow or Deny, got: " + effect);
    }

    private static boolean exactlyOne(Map<String, ?> statement, String key, String notKey) {
        boolean plain = statement.containsKey(key);
        boolean not = statement.containsKey(notKey);
        if (plain == not) {
            throw new PolicyException("IAM statement needs exactly one of " + key + " or " + notKey + ": " + statement);
        }
        return not;
    }

    private static List<String> strings(Object value, String key, Map<String, ?> statement) {
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            List<String> texts = new ArrayList<>();
            for (Object element : list) {
                if (!(element instanceof String text)) {
                    throw new PolicyException(notStrings(key, element, statement));
                }
                texts.add(text);
            }
            return texts;
        }
        throw new PolicyException(notStrings(key, value, statement));
    }

    private static String notStrings(String key, Object value, Map<String, ?> statement) {
        String hint = value instanceof Map<?, ?> ? " (an unresolved CloudFormation function?)" : "";
        return "IAM statement " + key + " must be a string or a non-empty list of strings, got " + value + hint + ": " + statement;
    }

    private static List<WildcardPattern> actionPatterns(List<String> actions, String key) {
        if (actions.isEmpty()) {
            throw new PolicyException("IAM statement " + key + " is empty");
        }
        List<WildcardPattern> patterns = new ArrayList<>();
        for (String action : actions) {
            if (!action.equals("*") && !action.matches("[A-Za-z0-9-]+:[A-Za-z0-9*?]+")) {
                throw new PolicyException("IAM action must look like service:Action (wildcards * and ? allowed) or be *, got: " + action);
            }
            patterns.add(WildcardPattern.action(action));
        }
        return List.copyOf(patterns);
    }

    private static List<WildcardPattern> resourcePatterns(List<String> resources, String key) {
        if (resources.isEmpty()) {
            throw new PolicyException("IAM statement " + key + " is empty");
        }
        List<WildcardPattern> patterns = new ArrayList<>();
        for (String resource : resources) {
            if (!resource.equals("*") && !resource.startsWith("arn:")) {
                throw new PolicyException("IAM resource must be an ARN or *, got: " + resource + (resource.startsWith("!")
                        ? " (a CloudFormation function in quotes is plain text to YAML: write it without the quotes)"
                        : resource.matches("[\\w.-]+") ? " (a name, not an ARN: !Ref of a table or a stream gives its name;"
                        + " a statement's Resource needs !GetAtt <its resource>.Arn)" : ""));
            }
            patterns.add(WildcardPattern.resource(resource));
        }
        return List.copyOf(patterns);
    }
}
