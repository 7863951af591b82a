package com.example.localcloud;

import com.example.localcloud.apigateway.IncomingRequest;
import com.example.localcloud.apigateway.LocalControl;
import com.example.localcloud.apigateway.OutgoingResponse;
import com.example.localcloud.momento.FaultRule;
import com.example.localcloud.momento.LocalMomento;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local cloud's own endpoints, for guides and live demos:
 * <pre>
 *   GET    /_local/momento/stats                 the local Momento's counters (hits, misses, ... per cache and call)
 *   POST   /_local/momento/stats/reset           zero them
 *   POST   /_local/momento/faults?rpc=data&amp;status=UNAVAILABLE[&amp;delayMs=200][&amp;times=4]
 *                                                make Momento calls fail or slow down
 *   DELETE /_local/momento/faults                clear every fault
 *   POST   /_local/momento/flush                 empty every cache (as FlushCache does): readers start cold
 *   GET    /_local/endpoints                     where DynamoDB, Secrets Manager and Kinesis listen, the table and
 *                                                stream names, the operator's access key id (for tools)
 * </pre>
 */
final class LocalControlEndpoints implements LocalControl {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalMomento momento;
    private final Map<String, Object> endpoints;

    LocalControlEndpoints(LocalMomento momento, Map<String, Object> endpoints) {
        this.momento = momento;
        this.endpoints = endpoints;
    }

    @Override
    public Optional<OutgoingResponse> answer(IncomingRequest request) {
        String route = request.method() + " " + request.path().substring(PREFIX.length());
        return switch (route) {
            case "GET /endpoints" -> Optional.of(json(200, endpoints));
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

    private OutgoingResponse addFault(String query) {
        try {
            FaultRule rule = FaultRule.fromParameters(parameters(query));
            long id = momento.faults().add(rule);
            return json(201, Map.of("id", id, "fault", rule.toString()));
        } catch (IllegalArgumentException e) {
            return json(400, Map.of("error", e.getMessage()));
        }
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
