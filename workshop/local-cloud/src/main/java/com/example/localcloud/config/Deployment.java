package com.example.localcloud.config;

/**
 * The names that a real deployment would get: service, stage, region and account.
 *
 * @param service   {@code service:} of serverless.yml
 * @param stage     {@code --stage}, else {@code provider.stage}, else {@code dev}
 * @param region    {@code --region}, else {@code provider.region}, else {@code us-east-1}
 * @param accountId always {@link #LOCAL_ACCOUNT_ID}: nothing here talks to a real account
 */
public record Deployment(String service, String stage, String region, String accountId) {

    /** The fake account of the local cloud; ARNs built with it look real but point nowhere. */
    public static final String LOCAL_ACCOUNT_ID = "000000000000";

    /** The CloudFormation stack the Serverless Framework would create. */
    public String stackName() {
        return service + "-" + stage;
    }

    /** The prefix of this region's and account's ARNs for a service, e.g. {@code arn:aws:dynamodb:us-east-1:000000000000:}. */
    public String arnPrefix(String awsService) {
        return "arn:aws:" + awsService + ":" + region + ":" + accountId + ":";
    }

    /** The execution role the Serverless Framework creates for the service's functions. */
    public String roleName() {
        return stackName() + "-" + region + "-lambdaRole";
    }

    public String roleArn() {
        return roleArn(roleName());
    }

    /** The ARN of a role of this account, e.g. one function's own role. */
    public String roleArn(String roleName) {
        return "arn:aws:iam::" + accountId + ":role/" + roleName;
    }
}
