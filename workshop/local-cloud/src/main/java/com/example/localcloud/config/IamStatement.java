package com.example.localcloud.config;

import java.util.List;

/**
 * One IAM policy statement from serverless.yml, CloudFormation functions already resolved, e.g.
 * {@code Allow [dynamodb:GetItem] on [arn:aws:dynamodb:us-east-1:000000000000:table/x]}.
 *
 * @param effect    {@code Allow} or {@code Deny}
 * @param actions   e.g. {@code dynamodb:GetItem}; may contain wildcards
 * @param resources ARNs; may contain wildcards
 */
public record IamStatement(String effect, List<String> actions, List<String> resources) {

    public IamStatement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }
}
