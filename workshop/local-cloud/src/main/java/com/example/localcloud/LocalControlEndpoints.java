package com.example.localcloud;

import com.example.localcloud.apigateway.IncomingRequest;
import com.example.localcloud.apigateway.LocalControl;
import com.example.localcloud.apigateway.OutgoingResponse;
import com.example.localcloud.dynamodb.DynamoDbFaults;
import com.example.localcloud.dynamodb.DynamoDbStats;
import com.example.localcloud.dynamodb.OperatorDynamoDbCall;
import com.example.localcloud.iam.Decision;
import com.example.localcloud.kinesis.KinesisFaults;
import com.example.localcloud.momento.FaultRule;
import com.example.localcloud.momento.LocalMomento;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The local cloud's own endpoints, for guides and live demos:
 * <pre>
 *   GET    /_local/momento/stats                 the local Momento's counters (hits, misses, ... per cache and call)
 *   POST   /_local/momento/stats/reset           zero them
 *   POST   /_local/momento/faults?rpc=data&amp;status=UNAVAILABLE[&amp;delayMs=200][&amp;times=4]
 *                                                make Momento calls fail or slow down
 *   DELETE /_local/momento/faults                clear every fault
 *   POST   /_local/momento/flush                 empty every cache (as FlushCache does): readers start cold
 *   POST   /_local/dynamodb/faults?operation=GetItem&amp;kind=THROTTLING|SERVER_ERROR[&amp;times=3]
 *                                                make a DynamoDB operation fail (times: default until cleared)
 *   DELETE /_local/dynamodb/faults               clear them
 *   POST   /_local/dynamodb/{Operation}         one DynamoDB API call as the operator, body as the API takes it
 *                                                (e.g. UpdateItem): change the table behind the service's back
 *   GET    /_local/dynamodb/stats                calls DynamoDB Local answered, per operation ({"GetItem": 3, ...})
 *   GET    /_local/iam/decisions                 every AWS call a function made, with IAM's answer (who, action,
 *                                                resource, ALLOWED or why denied), oldest first
 *   POST   /_local/kinesis/faults?operation=GetRecords&amp;kind=PROVISIONED_THROUGHPUT_EXCEEDED|INTERNAL_FAILURE[&amp;times=3]
 *   DELETE /_local/kinesis/faults                (when the stage has a Kinesis stream)
 *   GET    /_local/endpoints                     where DynamoDB, Secrets Manager and Kinesis listen, the table and
 *                                                stream names, the operator's access key id (for tools)
 * </pre>
 */
final class LocalControlEndpoints implements LocalControl {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalMomento momento;
    private final Map<String, Object> endpoints;
    private final DynamoDbFaults dynamoDbFaults;
    private final KinesisFaults kinesisFaults;
    private final Supplier<DynamoDbStats> dynamoDbStats;
    private final Supplier<List<Decision>> iamDecisions;

    /** @param kinesisFaults null when the stage has no Kinesis stream */
    LocalControlEndpoints(LocalMomento momento, Map<String, Object> endpoints, DynamoDbFaults dynamoDbFaults,
                          KinesisFaults kinesisFaults, Supplier<DynamoDbStats> dynamoDbStats,
                          Supplier<List<Decision>> iamDecisions) {
        this.momento = momento;
        this.endpoints = endpoints;
        this.dynamoDbFaults = dynamoDbFaults;
        this.kinesisFaults = kinesisFaults;
        this.dynamoDbStats = dynamoDbStats;
        this.iamDecisions = iamDecisions;
    }

    @Override
    public Optional<OutgoingResponse> answer(IncomingRequest request) {
        String route = request.method() + " " + request.path().substring(PREFIX.length());
        if (route.matches("POST /dynamodb/[A-Z][A-Za-z]+")) {
            return Optional.of(operatorDynamoDbCall(route.substring("POST /dynamodb/".length()), request.body()));
        }
        return switch (route) {
            case "GET /endpoints" -> Optional.of(json(200, endpoints));
            case "GET /dynamodb/stats" -> Optional.of(json(200, dynamoDbStats.get().operations()));
            case "GET /iam/decisions" -> Optional.of(json(200, iamDecisions.get()));
            case "POST /dynamodb/faults" -> Optional.of(addOperationFault(request.query(), DynamoDbFaults.Kind.class,
                    dynamoDbFaults::add));
            case "DELETE /dynamodb/faults" -> {
                dynamoDbFaults.clear();
                yield Optional.of(json(200, Map.of("faults", List.of())));
            }
            case "POST /kinesis/faults" -> Optional.ofNullable(kinesisFaults).map(faults ->
                    addOperationFault(request.query(), KinesisFaults.Kind.class, faults::add));
            case "DELETE /kinesis/faults" -> Optional.ofNullable(kinesisFaults).map(faults -> {
                faults.clear();
                return json(200, Map.of("faults", List.of()));
            });
            case "GET /momento/stats" -> Optional.of(json(200, momento.stats()));
            case "POST /momento/stats/reset" -> {
                momento.resetStats();
                yield Optional.of(json(200, Map.of("reset", true)));
            }
            case "POST /momento/flush" -> {
                List<String> flushed = momento.server().cacheNames().stream().filter(momento::flushCache).toList();
                yield Optional.of(json(200, Map.of("flushed", flushed)));
            }
            case "POST /momento/faults" -> Optional.of(addFault(request.query()));
            case "DELETE /momento/faults" -> {
                momento.faults().clear();
                yield Optional.of(json(200, Map.of("faults", List.of())));
            }
            case "GET /momento/faults" -> Optional.of(json(200, Map.of("faults", momento.faults().active().stream().map(Object::toString).toList())));
            default -> Optional.empty();
        };
    }

    private OutgoingResponse operatorDynamoDbCall(String operation, byte[] body) {
        try {
            var answer = OperatorDynamoDbCall.send(URI.create(endpoints.get("dynamodb").toString()),
                    endpoints.get("region").toString(), endpoints.get("operatorAccessKeyId").toString(), operation,
                    body == null ? new byte[0] : body);
            return new OutgoingResponse(answer.statusCode(), List.of(Map.entry("Content-Type", "application/json")), answer.body());
        } catch (java.io.IOException e) {
            return json(502, Map.of("error", "DynamoDB Local did not answer: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return json(503, Map.of("error", "interrupted"));
        }
    }

    private OutgoingResponse addFault(String query) {
        try {
            FaultRule rule = FaultRule.fromParameters(parameters(query));
            long id = momento.faults().add(rule);
            return json(201, Map.of("id", id, "fault", rule.toString()));
        } catch (IllegalArgumentException e) {
            return json(400, Map.of("error", e.getMessage()));
        }
    }

    /** A fault on one operation of a local AWS service: {@code operation}, {@code kind} and optional {@code times}. */
    private <K extends Enum<K>> OutgoingResponse addOperationFault(String query, Class<K> kinds, FaultAdder<K> faults) {
        Map<String, String> parameters = parameters(query);
        String operation = parameters.getOrDefault("operation", "");
        if (!operation.matches("[A-Z][A-Za-z]+")) {
            return json(400, Map.of("error", "operation must be an API operation such as GetItem or GetRecords, not '" + operation + "'"));
        }
        K kind;
        try {
            kind = Enum.valueOf(kinds, parameters.getOrDefault("kind", "").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return json(400, Map.of("error", "kind must be one of " + Arrays.toString(kinds.getEnumConstants())
                    + ", not '" + parameters.getOrDefault("kind", "") + "'"));
        }
        int times;
        try {
            times = Integer.parseInt(parameters.getOrDefault("times", "-1"));
        } catch (NumberFormatException e) {
            return json(400, Map.of("error", "times must be a whole number (leave it out: until cleared), not '"
                    + parameters.get("times") + "'"));
        }
        faults.add(operation, kind, times);
        return json(201, Map.of("fault", operation + " fails with " + kind + (times < 0 ? " until cleared" : " " + times + " times")));
    }

    @FunctionalInterface
    private interface FaultAdder<K> {
        void add(String operation, K kind, int times);
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static OutgoingResponse json(int status, Object body) {
        try {
            return new OutgoingResponse(status, List.of(Map.entry("Content-Type", "application/json")),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
