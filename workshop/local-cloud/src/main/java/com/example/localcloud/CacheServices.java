package com.example.localcloud;

import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.iam.AccessCheck;
import com.example.localcloud.lambda.EnvironmentSpec;
import com.example.localcloud.momento.LocalMomento;
import com.example.localcloud.secretsmanager.LocalSecretsManager;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

/**
 * The local Momento and the local Secrets Manager, set up the way a workshop attendee sets up
 * the real ones: the cache each function names in {@code CACHE_NAME} exists, and the secret each
 * function names in {@code MOMENTO_API_KEY_SECRET_ID} holds a freshly generated Momento API key
 * as {@code {"MOMENTO_API_KEY": "..."}}. The stage's code runs unchanged: it reads the secret and
 * dials Momento with the key, which the environment JVM's proxy settings route to the local server.
 */
final class CacheServices implements AutoCloseable {
    static final String CACHE_NAME_VARIABLE = "CACHE_NAME";
    static final String SECRET_ID_VARIABLE = "MOMENTO_API_KEY_SECRET_ID";

    private final LocalMomento momento;
    private final LocalSecretsManager secretsManager;
    private final List<String> caches;
    private final List<String> secrets;

    private CacheServices(LocalMomento momento, LocalSecretsManager secretsManager, List<String> caches, List<String> secrets) {
        this.momento = momento;
        this.secretsManager = secretsManager;
        this.caches = caches;
        this.secrets = secrets;
    }

    static CacheServices start(ServerlessConfig config, AccessCheck iam) throws IOException {
        LocalMomento momento = LocalMomento.start();
        LocalSecretsManager secretsManager;
        try {
            secretsManager = LocalSecretsManager.start(config.deployment().region(), config.deployment().accountId(), iam);
        } catch (IOException | RuntimeException e) {
            momento.close();
            throw e;
        }
        List<String> caches = valuesOf(config, CACHE_NAME_VARIABLE);
        List<String> secrets = valuesOf(config, SECRET_ID_VARIABLE);
        caches.forEach(momento::createCache);
        // Built by hand: the key is base64, so it needs no JSON escaping. Never logged.
        secrets.forEach(secretId -> secretsManager.store().createOrUpdate(secretId, "{\"MOMENTO_API_KEY\":\"" + momento.apiKey() + "\"}"));
        return new CacheServices(momento, secretsManager, caches, secrets);
    }

    /** What every execution environment needs to reach them with the real clients. */
    void customize(FunctionConfig function, EnvironmentSpec spec) {
        spec.jvmArguments().addAll(momento.envJvmArgs());
        spec.environment().put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.endpoint().toString());
    }

    LocalMomento momento() {
        return momento;
    }

    LocalSecretsManager secretsManager() {
        return secretsManager;
    }

    List<String> caches() {
        return caches;
    }

    List<String> secrets() {
        return secrets;
    }

    @Override
    public void close() {
        secretsManager.close();
        momento.close();
    }

    private static List<String> valuesOf(ServerlessConfig config, String variable) {
        TreeSet<String> values = new TreeSet<>();
        for (FunctionConfig function : config.functions()) {
            String value = function.environment().get(variable);
            if (value != null && !value.isBlank()) {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }
}
