package com.example.localcloud.iam;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer of an {@link AccessCheck}, with what AWS's error message names.
 *
 * @param outcome      allowed, or why not
 * @param principalArn who asked, e.g. {@code arn:aws:sts::000000000000:assumed-role/my-role/my-function};
 *                     {@code null} when unknown
 * @param action       e.g. {@code dynamodb:PutItem}
 * @param resource     the resource's ARN, or {@code *}
 * @param allowedOn    for a call no statement allowed: the Resource patterns of the role's Allow
 *                     statements that name its action, so that a Resource that missed can be told
 *                     from a statement that is missing (local only; AWS's message says neither)
 */
public record Decision(Outcome outcome, String principalArn, String action, String resource,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> allowedOn) {

    public Decision {
        allowedOn = List.copyOf(allowedOn);
    }

    public Decision(Outcome outcome, String principalArn, String action, String resource) {
        this(outcome, principalArn, action, resource, List.of());
    }

    /** Why a call may or may not go ahead. */
    public enum Outcome {
        /** A statement allows it and none denies it. */
        ALLOWED,
        /** No statement allows it ("because no identity-based policy allows ..."). */
        IMPLICIT_DENY,
        /** A Deny statement matches; it wins over every Allow. */
        EXPLICIT_DENY,
        /** The access key id belongs to nobody this local cloud knows. */
        UNRECOGNIZED_CLIENT,
        /** The request carries no SigV4 signature at all. */
        MISSING_AUTHENTICATION
    }

    public static Decision allowed(String principalArn, String action, String resource) {
        return new Decision(Outcome.ALLOWED, principalArn, action, resource);
    }

    public boolean isAllowed() {
        return outcome == Outcome.ALLOWED;
    }

    /**
     * The message AWS gives for this outcome, e.g. {@code User: arn:aws:sts::000000000000:assumed-role/r/f
     * is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:000000000000:table/t
     * because no identity-based policy allows the dynamodb:PutItem action}.
     */
    public String message() {
        return switch (outcome) {
            case ALLOWED -> "Allowed: " + action + " on " + resource;
            case IMPLICIT_DENY -> notAuthorized() + " because no identity-based policy allows the " + action + " action";
            case EXPLICIT_DENY -> notAuthorized() + " with an explicit deny in an identity-based policy";
            case UNRECOGNIZED_CLIENT -> "The security token included in the request is invalid.";
            case MISSING_AUTHENTICATION -> "Request is missing Authentication Token";
        };
    }

    private String notAuthorized() {
        // AWS leaves out "on resource" for actions that apply to no particular resource (ListSecrets).
        String onResource = resource == null || resource.equals("*") ? "" : " on resource: " + resource;
        return "User: " + principalArn + " is not authorized to perform: " + action + onResource;
    }
}
