package com.example.localcloud.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What CloudFormation would answer for one resource: its physical name, what {@code !Ref} gives
 * and what {@code !GetAtt} gives. Names are deterministic ({@code <service>-<stage>-<LogicalId>}
 * where CloudFormation would add a random suffix) so that runs and tests are repeatable.
 *
 * @param logicalId    the key under {@code resources.Resources}
 * @param type         e.g. {@code AWS::DynamoDB::Table}
 * @param physicalName the resource's name in the (local) account
 * @param arn          its ARN
 * @param ref          what {@code !Ref} gives for this type (the name, the ARN or the queue URL)
 */
record ResourceIdentity(String logicalId, String type, String physicalName, String arn, String ref,
                        Map<String, String> attributes) {

    /** The property that names each resource type, when the template sets it. */
    static String nameProperty(String type) {
        return switch (type) {
            case "AWS::DynamoDB::Table" -> "TableName";
            case "AWS::SQS::Queue" -> "QueueName";
            case "AWS::SNS::Topic" -> "TopicName";
            case "AWS::S3::Bucket" -> "BucketName";
            case "AWS::IAM::Role" -> "RoleName";
            case "AWS::Lambda::Function" -> "FunctionName";
            default -> "Name";
        };
    }

    static ResourceIdentity of(String logicalId, String type, String explicitName, Deployment deployment) {
        String name = explicitName != null ? explicitName : deployment.stackName() + "-" + logicalId;
        return switch (type) {
            case "AWS::DynamoDB::Table" -> {
                String arn = deployment.arnPrefix("dynamodb") + "table/" + name;
                yield new ResourceIdentity(logicalId, type, name, arn, name,
                        Map.of("Arn", arn, "StreamArn", arn + "/stream/1970-01-01T00:00:00.000"));
            }
            case "AWS::SecretsManager::Secret" -> {
                // Secrets Manager appends six random characters to a secret's ARN; ours are fixed.
                String arn = deployment.arnPrefix("secretsmanager") + "secret:" + name + "-local0";
                yield new ResourceIdentity(logicalId, type, name, arn, arn, Map.of("Id", arn, "Arn", arn));
            }
            case "AWS::SQS::Queue" -> {
                String arn = deployment.arnPrefix("sqs") + name;
                String url = "https://sqs." + deployment.region() + ".amazonaws.com/" + deployment.accountId() + "/" + name;
                yield new ResourceIdentity(logicalId, type, name, arn, url,
                        Map.of("Arn", arn, "QueueName", name, "QueueUrl", url));
            }
            case "AWS::SNS::Topic" -> {
                String arn = deployment.arnPrefix("sns") + name;
                yield new ResourceIdentity(logicalId, type, name, arn, arn, Map.of("TopicArn", arn, "TopicName", name));
            }
            case "AWS::S3::Bucket" -> {
                String bucket = name.toLowerCase(Locale.ROOT);
                String arn = "arn:aws:s3:::" + bucket;
                yield new ResourceIdentity(logicalId, type, bucket, arn, bucket, Map.of("Arn", arn));
            }
            case "AWS::IAM::Role" -> {
                String arn = "arn:aws:iam::" + deployment.accountId() + ":role/" + name;
                yield new ResourceIdentity(logicalId, type, name, arn, name, Map.of("Arn", arn));
            }
            case "AWS::Lambda::Function" -> {
                String arn = deployment.arnPrefix("lambda") + "function:" + name;
                yield new ResourceIdentity(logicalId, type, name, arn, name, Map.of("Arn", arn));
            }
            default -> {
                // AWS::Service::Kind -> arn:aws:service:region:account:kind/name: right shape, not always AWS's.
                String[] parts = type.split("::");
                String service = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "unknown";
                String kind = parts.length > 2 ? parts[2].toLowerCase(Locale.ROOT) : "resource";
                String arn = deployment.arnPrefix(service) + kind + "/" + name;
                yield new ResourceIdentity(logicalId, type, name, arn, name, Map.of("Arn", arn));
            }
        };
    }

    Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
