package com.example.localcloud.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The IAM role a function runs with once deployed.
 *
 * <p>Without a plugin, the Serverless Framework v3 gives every function of a service one shared
 * role holding {@code provider.iam.role.statements}. With the {@code serverless-iam-roles-per-function}
 * plugin, a function that declares {@code iamRoleStatements} gets a role of its own holding only
 * those (plus the provider's, when inherited), and the plugin adds what the function's stream
 * events need; CloudWatch Logs statements, which the local cloud does not emulate, are left out.
 *
 * @param name           the role's name, as the deployment names it
 * @param statements     what serverless.yml gives the role: the statements the attendee wrote
 * @param addedForEvents what the plugin adds for the function's stream events, unwritten
 */
public record FunctionRole(String name, List<IamStatement> statements, List<IamStatement> addedForEvents) {

    public FunctionRole {
        statements = List.copyOf(statements);
        addedForEvents = List.copyOf(addedForEvents);
    }

    /** Every statement the role holds: what IAM evaluates a call against. */
    public List<IamStatement> all() {
        List<IamStatement> all = new ArrayList<>(statements);
        all.addAll(addedForEvents);
        return List.copyOf(all);
    }
}
