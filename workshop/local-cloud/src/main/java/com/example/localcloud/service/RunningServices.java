package com.example.localcloud.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The services of a local cloud, in the order they started; {@link #close()} stops them in the
 * reverse order, and a service that fails to start stops those already running. No other code
 * needs to know how to undo a start-up.
 */
public final class RunningServices implements AutoCloseable {

    private final List<LocalService> services = new ArrayList<>();

    /**
     * Starts one more service (unless its starter returns null). If it fails, every service
     * started so far stops, newest first, and the failure is thrown with the service's name.
     *
     * @param what for the message, e.g. {@code DynamoDB Local}
     */
    public void start(String what, LocalService.Starter starter, ServiceContext context) {
        LocalService service = startPart(what, () -> starter.start(context));
        if (service != null) {
            add(service);
        }
    }

    /**
     * Starts a part that only needs stopping (Lambda, API Gateway, ...) as a service of this name,
     * with the same undo on failure as {@link #start}; returns the part.
     */
    public <T extends AutoCloseable> T startPart(String name, String what, Callable<T> start) {
        return startPart(what, start, part -> LocalService.closing(name, part));
    }

    /** Starts a part, as {@link #startPart(String, String, Callable)}, and adds it as the service {@code asService} makes of it (its routes too). */
    public <T> T startPart(String what, Callable<T> start, Function<T, LocalService> asService) {
        T part = startPart(what, start);
        add(asService.apply(part));
        return part;
    }

    /** Runs a start; if it fails, stops every running service and says what could not start, and why. */
    private <T> T startPart(String what, Callable<T> start) {
        try {
            return start.call();
        } catch (Exception e) {
            close();
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            // An IllegalStateException already says what failed (e.g. a table that cannot be created).
            throw new IllegalStateException(e instanceof IllegalStateException ? reason : "Cannot start " + what + ": " + reason, e);
        }
    }

    /** Adds a service started elsewhere; it stops with the others. */
    public synchronized void add(LocalService service) {
        services.add(service);
    }

    /** In start-up order. */
    public synchronized List<LocalService> all() {
        return List.copyOf(services);
    }

    /** The running service of this type, if the stage has one. */
    public <S extends LocalService> Optional<S> find(Class<S> type) {
        return all().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The running service of this type; for services every stage has. */
    public <S extends LocalService> S get(Class<S> type) {
        return find(type).orElseThrow(() -> new IllegalStateException("No " + type.getSimpleName() + " is running"));
    }

    /** The one of this name (as in {@code /_local/<name>}), if any. */
    public Optional<LocalService> named(String name) {
        return all().stream().filter(service -> service.name().equals(name)).findFirst();
    }

    /** Stops every service, the newest first; calling it again does nothing. */
    @Override
    public void close() {
        List<LocalService> newestFirst;
        synchronized (this) {
            newestFirst = new ArrayList<>(services);
            services.clear();
        }
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            try {
                newestFirst.get(i).close();
            } catch (RuntimeException e) {
                // the older ones must still stop
            }
        }
    }
}
