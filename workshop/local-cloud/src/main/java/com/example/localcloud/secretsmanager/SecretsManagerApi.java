package com.example.localcloud.secretsmanager;

import com.example.localcloud.awsjson.AwsJsonCall;
import com.example.localcloud.awsjson.AwsJsonProtocol;
import com.example.localcloud.awsjson.AwsServiceError;
import com.example.localcloud.awsjson.WireFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Secrets Manager operations in AWS's JSON 1.1 shapes: reads a request's members, validates
 * them as AWS does, and answers from the {@link SecretStore} of the region the request was signed
 * for ({@link SecretRegions}).
 *
 * <p>Each call is first {@linkplain #prepare prepared}: that names the IAM action and the resource
 * ARN to authorize, and only then runs.
 */
final class SecretsManagerApi implements AwsJsonProtocol {

    /** Secrets are at most 64 KB; JSON and base64 add some. */
    private static final int MAX_BODY_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretRegions regions;
    private final SecretsManagerFaults faults;

    SecretsManagerApi(SecretRegions regions, SecretsManagerFaults faults) {
        this.regions = regions;
        this.faults = faults;
    }

    @Override
    public String serviceName() {
        return "Secrets Manager";
    }

    @Override
    public String targetPrefix() {
        return "secretsmanager.";
    }

    @Override
    public int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    @Override
    public String errorMessageKey() {
        return "Message";
    }

    @Override
    public AwsServiceError internalError() {
        return SecretsManagerError.internal();
    }

    @Override
    public AwsJsonCall prepare(String operation, JsonNode request, WireFormat format, String signingRegion) {
        AwsJsonCall call = operation(operation, request, regions.of(signingRegion));
        return new AwsJsonCall(call.action(), call.resourceArn(), () -> {
            faults.take(operation).ifPresent(kind -> { // after IAM, before any effect
                throw SecretsManagerFaults.errorFor(kind);
            });
            return call.run().get();
        });
    }

    /** @param store the secrets of the region the request was signed for */
    private AwsJsonCall operation(String operation, JsonNode request, SecretStore store) {
        return switch (operation) {
            case "CreateSecret" -> createSecret(request, store);
            case "GetSecretValue" -> getSecretValue(request, store);
            case "PutSecretValue" -> putSecretValue(request, store);
            case "DescribeSecret" -> describeSecret(request, store);
            case "ListSecrets" -> listSecrets(request, store);
            case "DeleteSecret" -> deleteSecret(request, store);
            default -> throw AwsServiceError.unknownOperation("Secrets Manager", operation);
        };
    }

    private AwsJsonCall createSecret(JsonNode request, SecretStore store) {
        String name = RequestMembers.requiredString(request, "Name", 1, 512);
        if (!SecretArns.isValidName(name)) {
            throw SecretsManagerError.validation(
                    "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!");
        }
        String description = RequestMembers.optionalString(request, "Description", 0, 2048);
        String token = RequestMembers.optionalString(request, "ClientRequestToken", 32, 64);
        SecretValue value = secretValue(request, false);
        String arn = store.arnForCreate(name);
        return call("CreateSecret", arn, () -> {
            SecretStore.CreatedSecret created = store.create(name, description, value, token, arn);
            ObjectNode response = JSON.createObjectNode().put("ARN", created.arn()).put("Name", created.name());
            if (created.versionId() != null) {
                response.put("VersionId", created.versionId());
            }
            return response;
        });
    }

    private AwsJsonCall getSecretValue(JsonNode request, SecretStore store) {
        String secretId = secretId(request);
        String versionId = RequestMembers.optionalString(request, "VersionId", 32, 64);
        String versionStage = RequestMembers.optionalString(request, "VersionStage", 1, 256);
        return call("GetSecretValue", store.authorizationArn(secretId), () -> {
            SecretStore.VersionedValue found = store.getValue(secretId, versionId, versionStage);
            ObjectNode response = JSON.createObjectNode()
                    .put("ARN", found.arn())
                    .put("Name", found.name())
                    .put("VersionId", found.versionId());
            if (found.value().string() != null) {
                response.put("SecretString", found.value().string());
            } else {
                response.put("SecretBinary", Base64.getEncoder().encodeToString(found.value().binary()));
            }
            response.set("VersionStages", strings(found.versionStages()));
            response.put("CreatedDate", epochSeconds(found.createdDate()));
            return response;
        });
    }

    private AwsJsonCall putSecretValue(JsonNode request, SecretStore store) {
        String secretId = secretId(request);
        String token = RequestMembers.optionalString(request, "ClientRequestToken", 32, 64);
        SecretValue value = secretValue(request, true);
        List<String> stages = RequestMembers.optionalStrings(request, "VersionStages", 1, 20);
        return call("PutSecretValue", store.authorizationArn(secretId), () -> {
            SecretStore.PutResult put = store.putValue(secretId, value, token, stages);
            ObjectNode response = JSON.createObjectNode()
                    .put("ARN", put.arn())
                    .put("Name", put.name())
                    .put("VersionId", put.versionId());
            response.set("VersionStages", strings(put.versionStages()));
            return response;
        });
    }

    private AwsJsonCall describeSecret(JsonNode request, SecretStore store) {
        String secretId = secretId(request);
        return call("DescribeSecret", store.authorizationArn(secretId),
                () -> description(store.describe(secretId), "VersionIdsToStages"));
    }

    private AwsJsonCall listSecrets(JsonNode request, SecretStore store) {
        boolean includePlannedDeletion = request.path("IncludePlannedDeletion").asBoolean(false);
        // Filters, sorting and paging are not implemented: the answer is every secret, in one page.
        return call("ListSecrets", "*", () -> {
            ArrayNode secrets = JSON.createArrayNode();
            store.list(includePlannedDeletion).forEach(d -> secrets.add(description(d, "SecretVersionsToStages")));
            ObjectNode response = JSON.createObjectNode();
            response.set("SecretList", secrets);
            return response;
        });
    }

    private AwsJsonCall deleteSecret(JsonNode request, SecretStore store) {
        String secretId = secretId(request);
        JsonNode window = request.get("RecoveryWindowInDays");
        Long recoveryWindowInDays = window == null || window.isNull() ? null : window.asLong();
        boolean force = request.path("ForceDeleteWithoutRecovery").asBoolean(false);
        return call("DeleteSecret", store.authorizationArn(secretId), () -> {
            SecretStore.DeletedSecret deleted = store.delete(secretId, recoveryWindowInDays, force);
            return JSON.createObjectNode()
                    .put("ARN", deleted.arn())
                    .put("Name", deleted.name())
                    .put("DeletionDate", epochSeconds(deleted.deletionDate()));
        });
    }

    private static AwsJsonCall call(String operation, String resourceArn, Supplier<ObjectNode> run) {
        return new AwsJsonCall("secretsmanager:" + operation, resourceArn, run);
    }

    private static String secretId(JsonNode request) {
        return RequestMembers.requiredString(request, "SecretId", 1, 2048);
    }

    /** SecretString or SecretBinary (base64 in JSON), never both; {@code null} if neither and not required. */
    private static SecretValue secretValue(JsonNode request, boolean required) {
        String string = RequestMembers.optionalSecretString(request, "SecretString");
        byte[] binary = RequestMembers.optionalSecretBinary(request, "SecretBinary");
        if (string != null && binary != null) {
            throw SecretsManagerError.invalidParameter(
                    "You can't specify both a binary secret value and a string secret value in the same secret.");
        }
        if (string != null) {
            return SecretValue.ofString(string);
        }
        if (binary != null) {
            return SecretValue.ofBinary(binary);
        }
        if (required) {
            throw SecretsManagerError.invalidRequest("You must provide either SecretString or SecretBinary.");
        }
        return null;
    }

    private static ObjectNode description(SecretStore.SecretDescription secret, String versionsMemberName) {
        ObjectNode response = JSON.createObjectNode().put("ARN", secret.arn()).put("Name", secret.name());
        if (secret.description() != null) {
            response.put("Description", secret.description());
        }
        putDate(response, "CreatedDate", secret.createdDate());
        putDate(response, "LastChangedDate", secret.lastChangedDate());
        putDate(response, "LastAccessedDate", secret.lastAccessedDate());
        putDate(response, "DeletedDate", secret.deletedDate());
        if (!secret.versionIdsToStages().isEmpty()) {
            ObjectNode versions = response.putObject(versionsMemberName);
            for (Map.Entry<String, List<String>> version : secret.versionIdsToStages().entrySet()) {
                versions.set(version.getKey(), strings(version.getValue()));
            }
        }
        return response;
    }

    private static void putDate(ObjectNode node, String member, Instant date) {
        if (date != null) {
            node.put(member, epochSeconds(date));
        }
    }

    /** JSON 1.1 timestamps are epoch seconds, with milliseconds as the fraction. */
    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
