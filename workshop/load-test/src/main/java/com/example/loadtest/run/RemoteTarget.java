package com.example.loadtest.run;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** A deployed API (e.g. {@code https://abc123.execute-api.eu-west-1.amazonaws.com/dev}): no counters, no cold starts. */
public final class RemoteTarget implements Target {

    private final URI baseUri;

    public RemoteTarget(URI baseUri) {
        String text = baseUri.toString();
        this.baseUri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    @Override
    public String name() {
        String path = baseUri.getPath() == null ? "" : baseUri.getPath();
        return baseUri.getHost() + (baseUri.getPort() > 0 ? ":" + baseUri.getPort() : "") + path;
    }

    @Override
    public String description() {
        return "deployed at " + baseUri;
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public Optional<ServerCounters> counters() {
        return Optional.empty();
    }

    @Override
    public boolean seesColdStarts() {
        return false;
    }

    @Override
    public List<ColdStart> coldStarts() {
        return List.of();
    }

    @Override
    public void phase(Phase phase) {
        // nothing to attribute: a deployed target's cold starts are in CloudWatch
    }

    @Override
    public void close() {
        // nothing was started
    }
}
