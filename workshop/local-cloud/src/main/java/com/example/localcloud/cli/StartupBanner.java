package com.example.localcloud.cli;

import com.example.localcloud.LocalCloud;
import com.example.localcloud.apigateway.Route;
import com.example.localcloud.config.CloudFormationResource;
import com.example.localcloud.config.Deployment;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the local cloud prints once it is up: where it listens, the routes, and curl commands to try. */
final class StartupBanner {

    private StartupBanner() {
    }

    static String text(LocalCloud cloud, Path repositoryRoot) {
        return text(cloud, repositoryRoot, null);
    }

    /** @param dashboard the live dashboard's address ({@code -Ddashboard}), or null */
    static String text(LocalCloud cloud, Path repositoryRoot, URI dashboard) {
        Deployment deployment = cloud.config().deployment();
        Path file = cloud.config().file();
        String shownFile = file.startsWith(repositoryRoot) ? repositoryRoot.relativize(file).toString() : file.toString();
        StringBuilder out = new StringBuilder("\n");
        out.append("Local cloud for ").append(deployment.service()).append(" (stage ").append(deployment.stage())
                .append(", region ").append(deployment.region()).append(") from ").append(shownFile).append("\n\n");
        cloud.lambda().runtimeNotes().forEach(note -> out.append("  Note: ").append(note).append("\n\n"));
        // Said once before the build too, where the build's output scrolls them away: again here, where the reader looks.
        cloud.config().warnings().forEach(warning -> out.append("  Note: ").append(warning).append("\n\n"));
        out.append("  API Gateway  ").append(cloud.baseUri()).append('\n');
        List<String> tables = cloud.config().resourcesOfType("AWS::DynamoDB::Table").stream()
                .map(CloudFormationResource::physicalName).toList();
        out.append("  DynamoDB     ").append(cloud.dynamoDbEndpoint())
                .append(tables.isEmpty() ? "" : "  tables: " + String.join(", ", tables)).append('\n');
        out.append("  Secrets      ").append(cloud.secretsManager().endpoint())
                .append(cloud.secrets().isEmpty() ? "" : "  secrets: " + String.join(", ", cloud.secrets()) + " (a local Momento API key)")
                .append('\n');
        out.append("  Momento      local server").append(cloud.caches().isEmpty() ? "" : ", caches: " + String.join(", ", cloud.caches()))
                .append('\n');
        if (cloud.kinesis() != null) {
            out.append("  Kinesis      ").append(cloud.kinesis().endpoint()).append("  streams: ")
                    .append(String.join(", ", cloud.kinesisStreams().values())).append('\n');
        }
        out.append("  IAM          each function may call AWS only as its IAM statements in serverless.yml allow;\n")
                .append("               you may do anything with access key id ").append(cloud.operatorCredentials().accessKeyId()).append("\n\n");
        out.append("  Functions:\n");
        int width = cloud.routes().stream().mapToInt(route -> route.functionName().length()).max().orElse(10);
        for (Route route : cloud.routes()) {
            out.append(String.format("    %-" + width + "s  %-6s %s%n", route.functionName(), route.method(), route.resourcePath()));
        }
        if (cloud.streams() != null && !cloud.streams().subscriptions().isEmpty()) {
            out.append("\n  Streams:\n");
            cloud.streams().subscriptions().forEach(subscription -> out.append("    ").append(subscription.describe()).append('\n'));
        }
        List<String> examples = curlExamples(cloud.baseUri(), cloud.routes());
        if (!examples.isEmpty()) {
            out.append("\n  Try it:\n");
            examples.forEach(example -> out.append("    ").append(example).append('\n'));
        }
        if (cloud.kinesis() != null) {
            out.append("\n  Put activity events on the stream (from another terminal):\n")
                    .append("    ./mvnw -q -f workshop/tools compile exec:java -Dexec.args=\"produce --events 100 --api-url ")
                    .append(cloud.baseUri()).append("\"\n");
        }
        momentoControls(cloud.baseUri(), cloud.caches()).ifPresent(controls -> out.append('\n').append(controls).append('\n'));
        if (dashboard != null) {
            out.append("\n  Dashboard: ").append(dashboard)
                    .append("  (live: every request's latency as API Gateway measures it, the cache's hit ratio, DynamoDB reads,\n")
                    .append("             cold starts; buttons to break Momento and DynamoDB; changes made with curl above are marked too)\n");
        }
        out.append("\n  Each request logs a START and a REPORT line (Init Duration = cold start; a function's lines before\n"
                + "  its first START are its Init). Ctrl-C stops everything.\n");
        return out.toString();
    }

    /** The cache's counters and faults, for a stage that has a cache (step 1 has none: nothing to show). */
    static Optional<String> momentoControls(URI base, List<String> caches) {
        if (caches.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("  The cache:\n"
                + "    counters           curl " + base + "/_local/momento/stats\n"
                + "    make Momento fail  curl -X POST '" + base + "/_local/momento/faults?rpc=data&status=UNAVAILABLE'\n"
                + "    heal it            curl -X DELETE " + base + "/_local/momento/faults");
    }

    /**
     * For the workshop's accounts API: create a user, read it, create an organization as that user.
     * {@code -w '\n'}: the service's answers (like API Gateway's on AWS) end without a line break, so
     * without it the shell's prompt lands on the answer's line.
     */
    static List<String> curlExamples(URI base, List<Route> routes) {
        List<String> examples = new ArrayList<>();
        find(routes, "POST", "/users").ifPresent(route -> examples.add("curl -i -w '\\n' -X POST " + base + "/users"
                + " -H 'Content-Type: application/json'"
                + " -d '{\"username\":\"alice\",\"firstName\":\"Alice\",\"lastName\":\"Liddell\"}'"));
        find(routes, "GET", "/users/{username}").ifPresent(route -> examples.add("curl -i -w '\\n' " + base + "/users/alice"));
        find(routes, "POST", "/organizations").ifPresent(route -> examples.add("curl -i -w '\\n' -X POST " + base + "/organizations"
                + " -H 'Authorization: alice' -H 'Content-Type: application/json'"
                + " -d '{\"organizationName\":\"Wonderland\"}'"));
        if (examples.isEmpty()) { // some other API: show how to call its first routes
            routes.stream().limit(3).forEach(route -> examples.add("curl -i -w '\\n' -X " + route.method().replace("ANY", "GET") + " "
                    + base + route.resourcePath().replaceAll("\\{[^}]+}", "example")));
        }
        return examples;
    }

    private static Optional<Route> find(List<Route> routes, String method, String path) {
        return routes.stream().filter(route -> route.method().equals(method) && route.resourcePath().equals(path)).findFirst();
    }
}
