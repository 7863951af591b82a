package com.example.localcloud.service;

import com.example.localcloud.apigateway.IncomingRequest;
import com.example.localcloud.apigateway.LocalControl;
import com.example.localcloud.apigateway.OutgoingResponse;
import com.example.localcloud.http.QueryString;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The local cloud's own routes on API Gateway's port: {@code /_local/<service>/...} goes to that
 * service's {@link LocalService#control}, and {@code GET /_local/endpoints} gathers what every
 * service says about itself (where it listens, its tables or streams) for tools such as the
 * activity producer. Each service documents its own routes; the local cloud's README lists them.
 */
public final class LocalControlRouter implements LocalControl {

    private final RunningServices services;
    private final Map<String, Object> cloudWide;
    private final ControlLog changes;

    /** @param cloudWide what {@code /_local/endpoints} starts with, e.g. the region */
    public LocalControlRouter(RunningServices services, Map<String, Object> cloudWide) {
        this(services, cloudWide, new ControlLog());
    }

    /** @param changes where each change made through a route is written down (the live dashboard marks them) */
    public LocalControlRouter(RunningServices services, Map<String, Object> cloudWide, ControlLog changes) {
        this.services = services;
        this.cloudWide = Collections.unmodifiableMap(new LinkedHashMap<>(cloudWide)); // in the order given
        this.changes = changes;
    }

    @Override
    public Optional<OutgoingResponse> answer(IncomingRequest request) {
        String path = request.path().substring(PREFIX.length()); // e.g. /momento/faults
        if (path.equals("/endpoints") && request.method().equals("GET")) {
            return ControlResponses.ok(endpoints());
        }
        if (path.length() <= 1) { // /_local or /_local/
            return Optional.of(noSuchRoute(request, "", false));
        }
        int slash = path.indexOf('/', 1);
        String name = slash < 0 ? path.substring(1) : path.substring(1, slash);
        String rest = slash < 0 ? "" : path.substring(slash);
        ControlRequest control = new ControlRequest(request.method(), rest,
                QueryString.lastValues(QueryString.parse(request.query())), request.body() == null ? new byte[0] : request.body());
        Optional<LocalService> service = services.named(name);
        Optional<OutgoingResponse> answer = service.flatMap(named -> named.control(control));
        boolean changed = answer.map(OutgoingResponse::status).filter(status -> status / 100 == 2).isPresent()
                && service.get().changes(control);
        if (changed) {
            changes.record(request.method(), name, rest, request.query());
        }
        return Optional.of(answer.orElseGet(() -> noSuchRoute(request, name, service.isPresent())));
    }

    /** Not the stage's API's 403: a mistyped route, or one of a service this stage does not run (Kinesis before step 7). */
    private OutgoingResponse noSuchRoute(IncomingRequest request, String name, boolean serviceRuns) {
        String running = String.join(", ", services.all().stream().map(LocalService::name).toList());
        return ControlResponses.notFound("No local route " + request.method() + " " + request.path() + ": "
                + (serviceRuns ? "the local " + name + " has no such route"
                        : name.isEmpty() ? "name a service (running: " + running + ")"
                        : "no local service named '" + name + "' runs here (running: " + running + ")")
                + ". GET /_local/endpoints says what runs; the local cloud's README lists every route.");
    }

    private Map<String, Object> endpoints() {
        Map<String, Object> endpoints = new LinkedHashMap<>(cloudWide);
        services.all().forEach(service -> endpoints.putAll(service.endpoints()));
        return endpoints;
    }
}
