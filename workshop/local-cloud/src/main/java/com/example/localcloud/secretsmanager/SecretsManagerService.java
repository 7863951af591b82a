package com.example.localcloud.secretsmanager;

import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.lambda.EnvironmentSpec;
import com.example.localcloud.momento.MomentoService;
import com.example.localcloud.apigateway.OutgoingResponse;
import com.example.localcloud.service.ControlRequest;
import com.example.localcloud.service.ControlResponses;
import com.example.localcloud.service.LocalService;
import com.example.localcloud.service.OperationFaultRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local Secrets Manager, set up the way a workshop attendee sets up the real one: the secret
 * each function names in {@code MOMENTO_API_KEY_SECRET_ID} holds the local Momento's API key as
 * {@code {"MOMENTO_API_KEY": "..."}}. Starts after Momento, whose key it stores.
 *
 * <pre>
 *   POST   /_local/secretsmanager/faults?operation=GetSecretValue&amp;kind=INTERNAL_SERVICE_ERROR|THROTTLING[&amp;times=3]
 *   POST   /_local/secretsmanager/delay?ms=5000     every call answers this much later (a slow network)
 *   DELETE /_local/secretsmanager/faults             clears the faults and the delay
 * </pre>
 */
public final class SecretsManagerService implements LocalService {
    static final String SECRET_ID_VARIABLE = "MOMENTO_API_KEY_SECRET_ID";
    /** As long as Lambda lets an Init run. */
    private static final Duration MAX_DELAY = Duration.ofSeconds(10);

    private final LocalSecretsManager secretsManager;
    private final List<String> secrets;

    private SecretsManagerService(LocalSecretsManager secretsManager, List<String> secrets) {
        this.secretsManager = secretsManager;
        this.secrets = secrets;
    }

    public static LocalService.Starter starter() {
        return context -> {
            String apiKey = context.running().get(MomentoService.class).momento().apiKey();
            LocalSecretsManager secretsManager = LocalSecretsManager.start(context.config().deployment().region(),
                    context.config().deployment().accountId(), context.iam());
            List<String> secrets = context.config().environmentValues(SECRET_ID_VARIABLE);
            try {
                // Built by hand: the key is base64, so it needs no JSON escaping. Never logged.
                secrets.forEach(secretId -> secretsManager.store().createOrUpdate(secretId, "{\"MOMENTO_API_KEY\":\"" + apiKey + "\"}"));
            } catch (RuntimeException e) {
                secretsManager.close();
                throw e;
            }
            return new SecretsManagerService(secretsManager, secrets);
        };
    }

    public LocalSecretsManager secretsManager() {
        return secretsManager;
    }

    /** The secrets the stage's functions name in MOMENTO_API_KEY_SECRET_ID (each holds the local key). */
    public List<String> secrets() {
        return secrets;
    }

    @Override
    public String name() {
        return "secretsmanager";
    }

    @Override
    public void customize(FunctionConfig function, EnvironmentSpec spec) {
        spec.environment().put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.endpoint().toString());
    }

    @Override
    public Optional<OutgoingResponse> control(ControlRequest request) {
        return switch (request.route()) {
            case "POST /faults" -> Optional.of(OperationFaultRequest.add(request, SecretsManagerFaults.Kind.class, secretsManager.faults()));
            case "POST /delay" -> Optional.of(request.applyDelay(MAX_DELAY, "delayMs", secretsManager.faults()::delayEveryCall));
            case "DELETE /faults" -> {
                secretsManager.faults().clear();
                yield ControlResponses.ok(Map.of("faults", List.of()));
            }
            default -> Optional.empty();
        };
    }



    @Override
    public Map<String, Object> endpoints() {
        return Map.of("secretsmanager", secretsManager.endpoint().toString());
    }

    @Override
    public void close() {
        secretsManager.close();
    }
}
