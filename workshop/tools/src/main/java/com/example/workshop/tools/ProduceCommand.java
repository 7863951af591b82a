package com.example.workshop.tools;

import com.example.workshop.tools.activity.AccountsSetup;
import com.example.workshop.tools.activity.ActivityEvent;
import com.example.workshop.tools.activity.ActivityEvents;
import com.example.workshop.tools.activity.ActivityStreamWriter;
import com.example.workshop.tools.activity.KinesisTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

@Command(name = "produce", description = {
        "Put account activity events on the stream consumer stage's Kinesis stream.",
        "Creates the users and organizations they name through the API first (existing ones are kept)."})
class ProduceCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--events", defaultValue = "100", description = "How many events to put (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--users", defaultValue = "5", description = "How many users act (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--organizations", defaultValue = "2", description = "In how many organizations (default: ${DEFAULT-VALUE}).")
    int organizations;

    @Option(names = "--api-url", defaultValue = "http://localhost:3000",
            description = "The accounts API: the local cloud (default: ${DEFAULT-VALUE}) or a deployed stage's URL.")
    URI apiUrl;

    @Option(names = "--stream", description = "The Kinesis stream's name (needed on AWS; the local cloud names its own).")
    String stream;

    @Option(names = "--region", description = "The AWS region (default: the AWS SDK's, e.g. AWS_REGION or your profile's).")
    String region;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of who does what (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--skip-setup", description = "Don't create the users and organizations first.")
    boolean skipSetup;

    @Override
    public Integer call() throws InterruptedException {
        if (events < 1 || users < 1 || organizations < 1) {
            throw new WorkshopException("--events, --users and --organizations must be at least 1");
        }
        List<String> usernames = ActivityEvents.usernames(users);
        List<String> organizationNames = ActivityEvents.organizations(organizations);
        KinesisTarget target;
        try {
            target = KinesisTarget.find(apiUrl, stream, region);
            if (!skipSetup) {
                new AccountsSetup(apiUrl).create(usernames, organizationNames);
                out().printf("Users %s and organizations %s are ready at %s%n", range(usernames), range(organizationNames), apiUrl);
            }
        } catch (ConnectException e) { // the JDK's HTTP client gives it no message
            throw new WorkshopException("Nothing answers at " + apiUrl + ". Is the local cloud running? Start it with "
                    + "./mvnw -q -f workshop/local-cloud compile exec:java, and give --api-url if it is not on port 3000.");
        } catch (IOException | IllegalArgumentException e) {
            throw new WorkshopException("Cannot use the API at " + apiUrl + ": " + e.getMessage());
        }
        List<ActivityEvent> batch = new ActivityEvents(usernames, organizationNames, seed, Clock.systemUTC()).next(events);
        try (KinesisClient kinesis = target.client()) {
            ActivityStreamWriter writer = new ActivityStreamWriter(kinesis, target.streamName());
            try {
                writer.put(batch);
            } catch (SdkException | IllegalStateException e) {
                // the events stored before the failure stay on the stream: a rerun puts them again
                throw new WorkshopException("Cannot put the events on " + target.streamName() + " (" + writer.stored()
                        + " of " + events + " went in before this): " + e.getMessage());
            }
        } catch (SdkException e) {
            throw new WorkshopException("Cannot put the events on " + target.streamName() + ": " + e.getMessage());
        }
        out().printf("Put %d activity events on %s%s. The consumer logs one line per batch: "
                + "\"Enriched ... lookups from the cache ...\" (in the guide's words; yours if you worded it otherwise)%n",
                events, target.streamName(),
                target.isLocal() ? " (local Kinesis " + target.endpoint() + ")" : "");
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private static String range(List<String> names) {
        return names.size() == 1 ? names.get(0) : names.get(0) + ".." + names.get(names.size() - 1);
    }
}
