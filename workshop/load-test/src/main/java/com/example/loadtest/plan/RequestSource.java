package com.example.loadtest.plan;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Hands out the requests to send, one at a time, to any number of worker threads. */
@FunctionalInterface
public interface RequestSource {

    /** The next request, or empty when there are no more. Safe to call from many threads. */
    Optional<PlannedRequest> next();

    /** The given requests in order (seeding). */
    static RequestSource of(List<PlannedRequest> requests) {
        Iterator<PlannedRequest> iterator = List.copyOf(requests).iterator();
        return () -> {
            synchronized (iterator) {
                return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
            }
        };
    }
}
