package com.example.localcloud.secretsmanager;

import com.example.localcloud.iam.AccessCheck;
import com.example.localcloud.awsjson.AwsJsonEndpoint;
import java.io.IOException;
import java.net.URI;

/**
 * A local AWS Secrets Manager: an HTTP endpoint on loopback that the real AWS SDKs talk to
 * ({@code endpointOverride}, or {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}), with the secrets in
 * memory and every call authorized by an {@link AccessCheck}. Its secrets are one region's: a
 * request signed for another region finds none of them ({@link SecretRegions}).
 *
 * <pre>{@code
 * try (LocalSecretsManager secrets = LocalSecretsManager.start("us-east-1", "000000000000", functionPolicies)) {
 *     secrets.store().createOrUpdate("accounts/MomentoApiKey", "{\"MOMENTO_API_KEY\":\"...\"}");
 *     environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString());
 * }
 * }</pre>
 *
 * <p>Operations: CreateSecret, GetSecretValue, PutSecretValue, DescribeSecret, ListSecrets (no
 * filters or paging) and DeleteSecret. Signatures are not verified: the access key id only says
 * who calls.
 */
public final class LocalSecretsManager implements AutoCloseable {

    private final AwsJsonEndpoint endpoint;
    private final SecretRegions regions;
    private final SecretsManagerFaults faults;

    private LocalSecretsManager(AwsJsonEndpoint endpoint, SecretRegions regions, SecretsManagerFaults faults) {
        this.endpoint = endpoint;
        this.regions = regions;
        this.faults = faults;
    }

    /** Starts on 127.0.0.1 on a free port. */
    public static LocalSecretsManager start(String region, String accountId, AccessCheck accessCheck) throws IOException {
        return start(region, accountId, accessCheck, 0);
    }

    /** Starts on 127.0.0.1 on this port (0 for a free one). */
    public static LocalSecretsManager start(String region, String accountId, AccessCheck accessCheck, int port)
            throws IOException {
        SecretRegions regions = new SecretRegions(region, accountId);
        SecretsManagerFaults faults = new SecretsManagerFaults();
        AwsJsonEndpoint endpoint = AwsJsonEndpoint.start(new SecretsManagerApi(regions, faults), accessCheck, port);
        return new LocalSecretsManager(endpoint, regions, faults);
    }

    /** E.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint.endpoint();
    }

    public int port() {
        return endpoint.port();
    }

    /** The region's secrets, for seeding and inspecting them without HTTP and without IAM. */
    public SecretStore store() {
        return regions.home();
    }

    /** Calls that fail on purpose (a cold start that cannot read its secret). */
    public SecretsManagerFaults faults() {
        return faults;
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
