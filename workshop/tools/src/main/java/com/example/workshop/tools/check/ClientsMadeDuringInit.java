package com.example.workshop.tools.check;

import com.example.workshop.tools.check.steps.Curriculum;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 2's lesson, read in the local cloud's log: a function's handler creates the Momento client
 * during Init, so the cold start pays for it, not the first event. The local cloud logs a START
 * line as it hands an environment each event, as Lambda does, after everything the environment
 * printed before: a client whose "Creating Momento Cache Client" line comes after its
 * environment's first START was made on first use. The tests cannot see it (the stream functions'
 * handlers are built with a client given), nor can an answer.
 */
public final class ClientsMadeDuringInit {
    /** What the local cloud logs as it hands an environment an event: what came before the first is Init's. */
    static final String START = "] START RequestId: ";
    /** The step whose guide adds the function that reads the activity stream. */
    static final int ACTIVITY_CONSUMER_STEP = 7;

    private ClientsMadeDuringInit() {
    }

    /**
     * For every function, those of later steps too (step 6's streamCacher, step 7's activityConsumer):
     * the first environment whose client was made on first use fails, pointing at the edit of
     * Dependencies.java that builds its handler.
     */
    static void inEveryFunction(LocalService service) throws ProbeFailure {
        for (String environment : madeOnFirstUse(service)) {
            String function = environment.substring(1, environment.indexOf('#'));
            throw new ProbeFailure(saidOf(environment) + ": the Dependencies method that builds " + function
                    + "'s handler must start creating it and wait for it (createCacheClientDuringInit(), then its join():"
                    + " step 2's lesson), so that the cold start pays for it, not the first event",
                    "workshop/" + Curriculum.step(stepThatBuilds(function)).map(StepLessons::guide).orElseThrow()
                            + ", the edit of Dependencies.java");
        }
    }

    /** What the log shows of an environment whose client came after its first START line. */
    public static String saidOf(String environment) {
        return environment + " created its Momento client in its first invocation (its log says \"" + EveryRoute.CLIENT_CREATED
                + "\" after its first START line), not during Init";
    }

    /**
     * The environments ("[streamCacher#1]") whose first Momento client came after their first START
     * line, while their Init logged no reason why it made none (Secrets Manager down, a busy
     * machine's timeout: step 2's fallback then makes it on first use, as it should).
     */
    public static List<String> madeOnFirstUse(LocalService service) {
        List<String> late = new ArrayList<>();
        for (String environment : service.logLines(EveryRoute.CLIENT_CREATED).stream()
                .flatMap(line -> EveryRoute.tagOf(line).stream()).distinct().toList()) {
            List<String> lines = service.logLines(environment);
            int firstStart = firstContaining(lines, START);
            if (firstStart < 0) {
                continue; // no event handed to it yet
            }
            List<String> init = lines.subList(0, firstStart);
            boolean initToldWhyNot = init.stream().anyMatch(line -> line.contains(" WARN ") || line.contains(" ERROR ")
                    || line.contains("Exception"));
            if (firstContaining(init, EveryRoute.CLIENT_CREATED) < 0 && !initToldWhyNot) {
                late.add(environment);
            }
        }
        return late;
    }

    /** The step whose guide writes the Dependencies method that builds the function's handler. */
    private static int stepThatBuilds(String function) {
        return switch (function) {
            case "streamCacher" -> EveryRoute.STREAM_CACHER_STEP;
            case "activityConsumer" -> ACTIVITY_CONSUMER_STEP;
            default -> EveryRoute.KEY_FROM_STEP; // the API's functions: accountService()
        };
    }

    private static int firstContaining(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
