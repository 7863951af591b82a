package com.example.workshop.tools.check;

import com.example.workshop.tools.Stages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the working copy against one step: its tests (the step's specification, brought by
 * {@code start}), then its service running in the local cloud, probed lesson by lesson.
 */
public final class StepCheck {
    /** How the Momento SDK words a call to a cache that does not exist. */
    private static final String NO_SUCH_CACHE = "A cache with the specified name does not exist";
    /** The Momento SDK's words for a cache name that is null: it refuses every call before sending it. */
    private static final String NULL_CACHE_NAME = "Cache name cannot be null";

    /** The local cloud's words when an environment's JVM stopped before any of the function's code ran. */
    static final String JVM_DID_NOT_START = "the local cloud could not start the environment's JVM";

    static final String NOT_YOUR_CODE = "not your code: the local cloud could not start a function's JVM (its log line above"
            + " says what the JVM printed; all of it is in target/workshop-check/local-cloud.log). Run check again; if it"
            + " says this again, the local cloud or this machine is at fault (memory, the JDK): tell your instructor";
    /** A request the local cloud left unanswered twice (a laptop that slept, a machine swamped): the code is not the cause. */
    static final String HELD_UP = "no answer within " + LocalService.ANSWER_TIMEOUT.toSeconds() + " s, twice, where a function"
            + " that hangs is stopped by its timeout and answered with a 502: the machine held the local cloud up (asleep, or"
            + " very busy)";
    static final String HELD_UP_ADVICE = "not your code: the local cloud was held up (see above); check again";
    /** A class of the service whose static initializer failed, as the JVM names it then and at every later use. */
    private static final Pattern FAILED_INITIALIZER = Pattern.compile(
            "Could not initialize class (com\\.example\\.accounts\\.[\\w.$]+)|at (?:\\S*/)?(com\\.example\\.accounts\\.[\\w.$]+)\\.<clinit>");
    private static final String STATIC_INITIALIZER_FAILED = "a static initializer failed";
    /** The service's own words (Dependencies.requiredEnv) when serverless.yml gives a function no such variable. */
    private static final Pattern MISSING_VARIABLE = Pattern.compile("Environment variable (\\w+) is not set");
    /** A refusal as the log quotes it; the environment's id before it differs from one cold start to the next. */
    private static final Pattern IAM_REFUSAL = Pattern.compile(
            "(?:\\[[^\\]]+\\] \\.\\.\\. )?(?:User: \\S+ )?is not authorized to perform: (\\S+) on resource: (\\S+)");

    /** Builds the working copy and runs its tests. */
    interface Build {
        TestRun.Result run() throws IOException, InterruptedException;
    }

    /** Starts the working copy in a local cloud. */
    interface CloudStarter {
        /** Starts it, writing what it prints to {@code logFile} as it prints it. */
        RunningCloud start(Path logFile) throws IOException, InterruptedException;
    }

    /** The working copy running in a local cloud: where it listens and what it logged. */
    interface RunningCloud extends AutoCloseable {
        java.net.URI base();

        List<String> log();

        /**
         * How the local cloud ended, if it has while the check still needs it (killed as the machine
         * ran out of memory, say), after waiting up to {@code grace} for a process on its way out.
         */
        default Optional<String> stopped(java.time.Duration grace) throws InterruptedException {
            return Optional.empty();
        }

        @Override
        void close();
    }

    /** How the reason begins when the local cloud ended while lessons were tried (killed for lack of memory, say). */
    static final String STOPPED_DURING_THE_CHECK = "the local cloud stopped during the check";
    /** A lesson's problem while the step's tests do not compile and it has a probe: the checklist says it once. */
    static final String WAITS_FOR_THE_TESTS = "not tried in the local cloud until the tests compile";
    /** How the line that names the caches a function asked for, and no cache has, begins. */
    private static final String CACHES_ASKED = "Momento was asked for a cache named ";
    private static final String A_KEY_AS_THE_CACHES_NAME = ": that is a key";
    /** How the local cloud's notes about a key at the wrong level end: "indent it under provider.environment:". */
    static final String AT_THE_WRONG_LEVEL = "indent it under ";
    /**
     * How the local cloud's notes about a key no function (or stream event) has say so: a misspelt one, or a
     * setting of something else ("functions.streamCacher.event (line 9) is no setting of a function, ...").
     */
    static final String NO_SUCH_SETTING = " is no setting of a ";
    /** How a line that points at such a note begins: the checklist's heading of the notes then says a line points there. */
    static final String POINTS_AT_A_NOTE = "serverless.yml: a key the Serverless Framework ignores, as noted below";
    /** How the local cloud words what it accepts but would not recommend (a wildcard in an IAM statement). */
    private static final String NOTE = "Note: ";

    private final Path root;
    private final Guides guides;
    private final BuildFindings findings;
    private final PrintWriter out;
    /** What the local cloud noted about serverless.yml while this check ran it: not failures, shown after the lessons. */
    private final List<String> notes = new ArrayList<>();
    /** What the step's edit of serverless.yml adds that the working copy's lacked, in the last {@link #run}. */
    private List<String> skippedYamlParts = List.of();
    /** The local cloud's line saying a function's JVM could not start, if the last probes met one. */
    private Optional<String> jvmDidNotStart = Optional.empty();
    private final Build build;
    private final CloudStarter clouds;
    /** What the regressions line tries in the local cloud for a step number, where the step starts one anyway (null: nothing). */
    private final java.util.function.IntFunction<Probe> regressionProbes;
    /** The lessons of another step, by number: where the regressions line finds the earlier lesson a failing test is of. */
    private java.util.function.IntFunction<Optional<StepLessons>> curriculum = number -> Optional.empty();

    public StepCheck(Path root, PrintWriter out) {
        this.root = root;
        this.guides = new Guides(root);
        this.findings = new BuildFindings(guides);
        this.out = out;
        this.build = () -> new TestRun(root, root.resolve("target/workshop-check/maven.log")).run();
        this.clouds = logFile -> LocalCloudProcess.start(root, logFile);
        this.regressionProbes = EveryRoute::of;
    }

    StepCheck(Path root, PrintWriter out, Build build, CloudStarter clouds) {
        this(root, out, build, clouds, null);
    }

    /** With {@code regressionProbe} for the regressions line of every step (null: tests only). */
    StepCheck(Path root, PrintWriter out, Build build, CloudStarter clouds, Probe regressionProbe) {
        this.root = root;
        this.guides = new Guides(root);
        this.findings = new BuildFindings(guides);
        this.out = out;
        this.build = build;
        this.clouds = clouds;
        this.regressionProbes = regressionProbe == null ? null : step -> regressionProbe;
    }

    /** Lets the regressions line point a failing test of an earlier step at the guide and edit that taught it. */
    public StepCheck withEarlierSteps(java.util.function.IntFunction<Optional<StepLessons>> steps) {
        this.curriculum = steps;
        return this;
    }

    static boolean isRegressions(Lesson lesson) {
        return lesson.title().equals(StepLessons.REGRESSIONS);
    }

    /**
     * The parts of serverless.yml that the step's edit adds and the working copy lacked in the last
     * {@link #run} ("resources.Outputs"): a lesson that failed says them all; a step whose checks
     * all passed without them hears of them in a note.
     */
    public List<String> skippedServerlessYmlParts() {
        return skippedYamlParts;
    }

    /** The local cloud's notes from the last {@link #run}, each once. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    public List<LessonResult> run(StepLessons step) throws IOException, InterruptedException {
        Path logs = root.resolve("target/workshop-check");
        // An earlier check's local-cloud.log would pass for this one's when this one starts no local
        // cloud (the tests or the code do not compile).
        Files.deleteIfExists(logs.resolve("local-cloud.log"));
        out.printf("Checking your working copy against step %d: %s (workshop/%s)%n", step.number(), step.title(), step.guide());
        // Every step runs the service in the local cloud, step 1 too: its regressions line calls every
        // route there, which is what catches a serverless.yml that no longer starts or routes.
        Probe regressionProbe = regressionProbes == null ? null : regressionProbes.apply(step.number());
        Optional<String> notYaml = ServerlessYmlSyntax.error(root.resolve("serverless.yml"));
        if (notYaml.isPresent()) {
            // Nothing can run in the local cloud until it parses, and it takes a second to say so, not a build.
            out.println("serverless.yml cannot be deployed as it is (the first line below says where): nothing was built or"
                    + " tried; fix it, then check again.");
            out.flush();
            return nothingTried(step.withRegressions(regressionProbe), notYaml.get(), step);
        }
        boolean probes = regressionProbe != null || step.lessons().stream().anyMatch(lesson -> lesson.probe() != null);
        out.println((probes ? "1/2 " : "") + "Building your service and running the step's tests (log: target/workshop-check/maven.log)...");
        out.flush();
        long started = System.nanoTime();
        TestRun.Result tests = build.run();
        out.printf("    %s (%d s)%n", BuildFindings.describe(tests), seconds(started));

        Optional<String> cloudFailure = Optional.empty(); // why the local cloud did not start, if it did not
        Map<Lesson, List<String>> probeProblems = new java.util.HashMap<>();
        Map<Lesson, String> probedFiles = new java.util.HashMap<>(); // where a probe saw the slip, if not in the lesson's file
        Set<Lesson> tracedInTheCode = new HashSet<>(); // lessons whose probe traced its file through the code: it stands
        List<Lesson> lessons = step.withRegressions(regressionProbe);
        if (tests.outcome() == TestRun.Outcome.CODE_DOES_NOT_COMPILE || tests.outcome() == TestRun.Outcome.BUILD_FAILED) {
            String why = tests.outcome() == TestRun.Outcome.CODE_DOES_NOT_COMPILE ? "your code does not compile" : "the build failed";
            // A lesson with tests says so already (testProblems), once; the last line lists the errors.
            lessons.stream().filter(lesson -> lesson.probe() != null && lesson.tests().isEmpty() && !isRegressions(lesson))
                    .forEach(lesson -> probeProblems.put(lesson, List.of("not tried in the local cloud: " + why)));
        } else if (tests.outcome() == TestRun.Outcome.TESTS_DO_NOT_COMPILE) {
            // The first compile error is the next thing to fix; the local cloud waits until the tests compile.
            lessons.stream().filter(lesson -> lesson.probe() != null && !isRegressions(lesson))
                    .forEach(lesson -> probeProblems.put(lesson, List.of(WAITS_FOR_THE_TESTS)));
        } else if (lessons.stream().anyMatch(lesson -> lesson.probe() != null)) {
            out.println("2/2 Running your service in the local cloud (log: target/workshop-check/local-cloud.log)...");
            out.flush();
            cloudFailure = probeAll(step, lessons, probeProblems, probedFiles, tracedInTheCode, logs.resolve("local-cloud.log"));
        }

        skippedYamlParts = tests.outcome() == TestRun.Outcome.TESTS_RAN ? skippedServerlessYmlParts(step) : List.of();
        boolean saidSkippedParts = false;
        Optional<String> nextError = findings.nextTestCompileError(tests, step);
        List<LessonResult> results = new ArrayList<>();
        Set<String> saidMisplaced = new HashSet<>(); // each note of a key at the wrong level quoted once, then "as above"
        List<String> claimed = lessons.stream().flatMap(lesson -> lesson.tests().stream()).toList();
        boolean pointedAtTheCloud = false;
        Map<String, String> refusalsTracedTo = new java.util.HashMap<>(); // an IAM refusal a probe traced to a file, by action
        boolean saidNoSuchCache = false; // a cache's wrong name said in full once, then "as above"
        // A dependency with a scope that keeps it out of the jar: every test passes, and Lambda cannot load its classes.
        Optional<String> scopedOut = tests.outcome() == TestRun.Outcome.TESTS_RAN
                ? DroppedDependencies.scopedOutOfTheJar(root, step, guides) : Optional.empty();
        boolean saidScopedOut = false;
        for (Lesson lesson : lessons) {
            // What the local cloud saw first: it says what the service did, where a test's message may not.
            List<String> problems = new ArrayList<>(probeProblems.getOrDefault(lesson, List.of()));
            if (lesson.title().equals(StepLessons.REGRESSIONS)) {
                problems.addAll(BuildFindings.unclaimedFailures(tests, claimed, nextError).stream()
                        .map(problem -> sayWhenYourOwn(problem, step.number())).toList());
            } else {
                problems.addAll(BuildFindings.testProblems(tests, lesson, nextError));
            }
            // A probe's guess at the file (wiring, as a rule) gives way to the lesson's own failing unit test; a file
            // it traced through the code does not (that test fails through the same code).
            String seenFile = Repointing.ownUnitTestFails(lesson, tests) && !tracedInTheCode.contains(lesson) ? null
                    : probedFiles.get(lesson);
            if (probedFiles.containsKey(lesson)) {
                refusedActions(problems).forEach(action -> refusalsTracedTo.putIfAbsent(action, probedFiles.get(lesson)));
            } else if (seenFile == null && !Repointing.ownUnitTestFails(lesson, tests)) {
                // The same refusal met by a later lesson's probe has the same cause (a client built for another region).
                seenFile = refusedActions(problems).stream().map(refusalsTracedTo::get).filter(java.util.Objects::nonNull)
                        .findFirst().orElse(null);
            }
            Optional<String> cause = causeInDependencies(problems, step);
            if (cause.isPresent()) {
                if (cause.get().equals(NO_CACHE_OF_THAT_NAME) || cause.get().equals(NO_CACHE_NAME)) {
                    saidNoSuchCache = followFromTheCachesName(problems, saidNoSuchCache);
                }
                // First: what the local cloud saw follows from it (a read that never reached the cache, say), and
                // "... and N more" never hides it.
                if (!problems.contains(NO_CACHE_OF_THAT_NAME_AS_ABOVE)) {
                    problems.add(0, cause.get());
                }
                seenFile = "Dependencies.java";
            }
            Lesson pointed = pointedAt(findings.reported(lesson, tests, step), problems,
                    seenFile != null ? seenFile : findings.whereToStart(tests, step), BuildFindings.unitTestedFile(tests, lesson), step);
            Optional<String> earlierGrant = isRegressions(lesson) ? Optional.empty() : refusedByAnEarlierStatement(problems, step);
            if (!isRegressions(lesson)) {
                aCallNoStepAsksFor(problems, step).ifPresent(newCall -> problems.add(0, newCall));
            }
            // What a probe saw then (every read from DynamoDB, say) names code of this step that may be right.
            earlierGrant.ifPresent(action -> problems.add(0, "IAM refused " + action + ", which an earlier step's statement"
                    + " allows (see ->): what the local cloud saw below follows from that, not from this step's code"));
            boolean onlyNotTried = !problems.isEmpty() && problems.stream().allMatch(problem -> problem.startsWith("not tried: "));
            if (cloudFailure.isPresent() && lesson.probe() != null && onlyNotTried) {
                String asAbove = "as above: the local cloud " + (cloudFailure.get().startsWith(STOPPED_DURING_THE_CHECK)
                        ? "stopped" : "did not start");
                pointed = Lesson.of(lesson.title(), pointedAtTheCloud ? asAbove : whereTheCloudFailed(cloudFailure.get(), step),
                        lesson.tests(), lesson.probe());
                pointedAtTheCloud = true; // the reason and where to look once, as the reason itself is given once
            }
            Optional<String> misplaced = keyAtTheWrongLevel(problems);
            if (misplaced.isPresent() && probeProblems.containsKey(lesson) && !onlyNotTried && !Repointing.ownUnitTestFails(lesson, tests)) {
                // A key the framework ignores leaves the function without a variable or a permission: the code looks at fault.
                notDeployed(misplaced.get()).ifPresent(function -> problems.replaceAll(problem -> problem.startsWith("local cloud:")
                        && problem.contains(function) ? "local cloud: " + function + " is not deployed (see the line above), so"
                        + " none of its code was tried" : problem));
                problems.add(0, saidMisplaced.add(misplaced.get()) ? "serverless.yml, as the local cloud noted: " + misplaced.get()
                        + " (most likely what the lines below follow from)" : "serverless.yml: a key the Serverless Framework ignores, as above");
                pointed = Lesson.of(lesson.title(), POINTS_AT_A_NOTE + theEditThatAdded(misplaced.get(), step), lesson.tests(),
                        lesson.probe());
            }
            if (lesson.probe() != null && jvmDidNotStart.isPresent() && probeProblems.containsKey(lesson)
                    && !Repointing.ownUnitTestFails(lesson, tests)) {
                // Nothing of the function ran, so what the probe saw says nothing about the attendee's code.
                if (problems.stream().noneMatch(problem -> problem.contains(JVM_DID_NOT_START))) {
                    problems.add("its log: " + jvmDidNotStart.get());
                }
                pointed = Lesson.of(lesson.title(), NOT_YOUR_CODE, lesson.tests(), lesson.probe());
            }
            if (problems.stream().anyMatch(problem -> problem.contains(HELD_UP)) && !Repointing.ownUnitTestFails(lesson, tests)) {
                pointed = Lesson.of(lesson.title(), HELD_UP_ADVICE, lesson.tests(), lesson.probe());
            }
            if (!skippedYamlParts.isEmpty() && !isRegressions(lesson) && !probeProblems.getOrDefault(lesson, List.of()).isEmpty()
                    && !DeployedJar.allAboutTheJar(probeProblems.get(lesson)) // the build's, whatever serverless.yml lacks
                    && misplaced.isEmpty()) {
                // A skipped (or half-made) edit: every part it adds, at once, not only the one this lesson's probe met first.
                problems.add(0, saidSkippedParts ? "serverless.yml lacks parts of the guide's edit, as above"
                        : "serverless.yml lacks " + SkippedServerlessYmlParts.inWords(skippedYamlParts) + ", which workshop/"
                                + step.guide() + "'s edit of serverless.yml adds (what the local cloud saw below may follow from that)");
                pointed = Lesson.of(lesson.title(), "workshop/" + step.guide() + ", the edit of serverless.yml: make all of it",
                        lesson.tests(), lesson.probe());
                saidSkippedParts = true;
            }
            if (scopedOut.isPresent() && problems.stream().anyMatch(StepCheck::missesAClassOfTheJar)) {
                int edit = scopedOut.get().indexOf(": your pom.xml");
                problems.add(0, saidScopedOut ? "pom.xml keeps a dependency out of the jar, as above"
                        : scopedOut.get().substring(edit + 2) + " (what the lines below follow from)");
                pointed = Lesson.of(lesson.title(), scopedOut.get().substring(0, edit) + ": a dependency without <scope>",
                        lesson.tests(), lesson.probe());
                saidScopedOut = true;
            }
            if (!problems.isEmpty() && diskFull(tests, cloudFailure)) {
                pointed = Lesson.of(lesson.title(), diskFullAdvice(), lesson.tests(), lesson.probe());
            }
            results.add(new LessonResult(pointed, problems));
        }
        return sayEachRefusalOnce(pointAtAChangedCacheTtl(new Repointing(guides, curriculum).repoint(results, tests, step)));
    }

    /** What this step's edit of serverless.yml adds that the working copy's lacks; empty without the two stages. */
    private List<String> skippedServerlessYmlParts(StepLessons step) {
        try {
            Stages stages = new Stages(root);
            Optional<Stages.Stage> now = stages.numbered(step.number());
            Optional<Stages.Stage> before = stages.numbered(step.number() - 1);
            if (now.isEmpty() || before.isEmpty()) {
                return List.of();
            }
            return SkippedServerlessYmlParts.missing(root.resolve("serverless.yml"), now.get().dir().resolve("serverless.yml"),
                    before.get().dir().resolve("serverless.yml"));
        } catch (UncheckedIOException e) {
            return List.of();
        }
    }

    /**
     * Which edit of serverless.yml to read again for a key the local cloud noted at the wrong level:
     * this step's, when it edits the file; else the earlier guide that added the key (steps 3 and 4
     * edit no YAML, and step 2's block pasted two spaces off would otherwise name no guide).
     */
    private String theEditThatAdded(String note, StepLessons step) {
        if (guides.hasAnEditOf(step.guide(), "serverless.yml")) {
            return ": workshop/" + step.guide() + ", the edit of serverless.yml, or a part an earlier step added";
        }
        return guides.theFirstServerlessYmlEditWith(misplacedKey(note), step.guide()).map(guide -> ": workshop/" + guide + ", the edit of"
                + " serverless.yml").orElse("");
    }

    /**
     * The local cloud's note of a key at the wrong level (which the Serverless Framework ignores), if
     * it noted one: the one naming a variable or key the lesson's problems name, else the first. A key
     * no function has (a misspelt {@code event:}) only when a problem names it: such a key may be harmless.
     */
    private Optional<String> keyAtTheWrongLevel(List<String> problems) {
        List<String> misplaced = notes.stream().filter(note -> note.contains(AT_THE_WRONG_LEVEL)).toList();
        List<String> unknown = notes.stream().filter(note -> note.contains(NO_SUCH_SETTING) && !note.contains(AT_THE_WRONG_LEVEL)).toList();
        return java.util.stream.Stream.concat(misplaced.stream(), unknown.stream())
                .filter(note -> problems.stream().anyMatch(problem -> namesTheKey(problem, misplacedKey(note))))
                .findFirst().or(() -> misplaced.stream().findFirst());
    }

    /** Whether a problem names the key, as a word or a word's start ("events" names a misspelt "event"). */
    private static boolean namesTheKey(String problem, String key) {
        return Pattern.compile("(?<![\\w$])" + Pattern.quote(key)).matcher(problem).find();
    }

    /** The function a note says is not deployed ("... and deploys no function activityConsumer: ..."), if it says so. */
    private static Optional<String> notDeployed(String note) {
        Matcher function = NOT_DEPLOYED.matcher(note);
        return function.find() ? Optional.of(function.group(1)) : Optional.empty();
    }

    private static final Pattern NOT_DEPLOYED = Pattern.compile("deploys no function (\\S+):");

    /** The key a note of the wrong level is about: "CACHE_NAME" of "provider.CACHE_NAME (line 26) is named like ...". */
    private static String misplacedKey(String note) {
        return note.split("[ (]")[0].replaceFirst(".*\\.", "");
    }

    /** The actions IAM refused, as the problems quote the refusals. */
    private static List<String> refusedActions(List<String> problems) {
        List<String> actions = new ArrayList<>();
        for (String problem : problems) {
            Matcher refusal = IAM_REFUSAL.matcher(problem);
            while (refusal.find()) {
                actions.add(refusal.group(1));
            }
        }
        return actions;
    }

    /**
     * Every lesson undone for one reason, with the same words and pointer: the checklist says them on
     * the first line and "as above" on the others, as it does for any lessons that share their cause.
     */
    private List<LessonResult> nothingTried(List<Lesson> lessons, String reason, StepLessons step) {
        String where = editsServerlessYml(step)
                ? "serverless.yml: workshop/" + step.guide() + ", the edit of serverless.yml"
                        + (inAFunctionTheStepAdds(reason, step) ? "" : ", or a part an earlier step added")
                : "serverless.yml (" + typoOrBreak(step) + ")";
        List<LessonResult> results = new ArrayList<>();
        for (Lesson lesson : lessons) {
            results.add(new LessonResult(Lesson.of(lesson.title(), where, lesson.tests(), lesson.probe()), List.of(reason)));
        }
        return results;
    }

    /**
     * A role without a statement fails every lesson that needs it (step 2: the key's read, the
     * client's creation, the fallback), each quoting the same refusal; the first line quotes it,
     * the later ones say "as above", so that the one cause reads as one.
     */
    static List<LessonResult> sayEachRefusalOnce(List<LessonResult> results) {
        Set<String> quoted = new HashSet<>();
        List<LessonResult> once = new ArrayList<>();
        for (LessonResult result : results) {
            Set<String> quotedHere = new HashSet<>();
            List<String> problems = new ArrayList<>();
            for (String problem : result.problems()) {
                Matcher refusal = IAM_REFUSAL.matcher(problem);
                StringBuilder shortened = new StringBuilder();
                while (refusal.find()) {
                    String which = refusal.group(1) + " " + refusal.group(2);
                    refusal.appendReplacement(shortened, Matcher.quoteReplacement(quoted.contains(which)
                            ? "IAM refused " + refusal.group(1) + ", as above" : refusal.group()));
                    quotedHere.add(which);
                }
                refusal.appendTail(shortened);
                boolean onlyTheLogLineAbove = problem.startsWith("its log: ") && !shortened.toString().equals(problem);
                if (!onlyTheLogLineAbove) {
                    problems.add(shortened.toString());
                }
            }
            quoted.addAll(quotedHere);
            once.add(new LessonResult(result.lesson(), problems));
        }
        return once;
    }

    /**
     * Where the "->" line points, when the step's guide has an edit of that file: where a probe saw the
     * slip ({@code seenFile}); else serverless.yml, for a lesson undone because of it (IAM refused a
     * call, the local cloud could not start, or a problem names the file); else the class whose unit
     * tests alone failed ({@code testedFile}); else the lesson's own file.
     */
    private Lesson pointedAt(Lesson lesson, List<String> problems, String seenFile, String testedFile, StepLessons step) {
        Optional<String> refusedAction = refusedByAnEarlierStatement(problems, step);
        Optional<String> granting = refusedAction.flatMap(action -> guides.theFirstThatNames(action, step.guide()));
        if (granting.isPresent()) {
            // IAM refused what an earlier step's statement allows: this step's code is not to blame.
            return Lesson.of(lesson.title(), "workshop/" + granting.get() + ", the edit of serverless.yml: its statement"
                    + " for " + refusedAction.get() + " no longer allows the call (the statement is gone, or its Resource"
                    + " changed; or, for a function with a role of its own, custom.serverless-iam-roles-per-function"
                    + ".defaultInherit: true is gone)", lesson.tests(), lesson.probe());
        }
        Optional<String> missingVariable = missingVariable(problems, step);
        if (missingVariable.isPresent()) {
            return Lesson.of(lesson.title(), missingVariable.get(), lesson.tests(), lesson.probe());
        }
        if (lesson.title().equals(StepLessons.REGRESSIONS)) {
            if (!problems.isEmpty() && problems.stream().allMatch(problem -> problem.startsWith("your own test "))) {
                return Lesson.of(lesson.title(), "your own test, above: no step's test failed; fix it, or the code it tries",
                        lesson.tests(), lesson.probe());
            }
            boolean inTheCloud = problems.stream().anyMatch(problem -> problem.startsWith("local cloud:"));
            if (inTheCloud && seenFile != null && (seenFile.startsWith("workshop/") || seenFile.contains(THROWN_THERE))) {
                // an earlier guide's edit the probe named, or where the service threw
                return Lesson.of(lesson.title(), seenFile, lesson.tests(), lesson.probe());
            }
            if (seenFile != null && seenFile.startsWith("pom.xml")) { // the build's own errors are under this line
                return Lesson.of(lesson.title(), seenFile.equals("pom.xml") ? "workshop/" + step.guide() + ", the edit of pom.xml"
                        : seenFile, lesson.tests(), lesson.probe());
            }
            return inTheCloud ? Lesson.of(lesson.title(), whereARouteFails(problems), lesson.tests(), lesson.probe()) : lesson;
        }
        Optional<String> unknownHandler = handlerClassNotFound(problems);
        if (unknownHandler.isPresent()) {
            String file = unknownHandler.get().substring(unknownHandler.get().lastIndexOf('.') + 1) + ".java";
            String edit = guides.theFirstEditOf(file);
            if (edit.equals(file) && guides.hasAnEditOf(step.guide(), "serverless.yml")) { // no guide writes that class: a typo
                return Lesson.of(lesson.title(), "workshop/" + step.guide() + ", the edit of serverless.yml: a handler: line names "
                        + unknownHandler.get() + ", a class your code does not have", lesson.tests(), lesson.probe());
            }
        }
        boolean configuration = problems.stream().anyMatch(problem -> problem.contains("serverless.yml")
                || problem.contains("is not authorized to perform") || problem.contains("The local cloud cannot start"));
        String file = seenFile != null ? seenFile : configuration ? "serverless.yml" : testedFile;
        if (file != null && (file.startsWith("workshop/") || file.startsWith("your own test "))) {
            return Lesson.of(lesson.title(), file, lesson.tests(), lesson.probe()); // an earlier guide's edit, or your test, in full
        }
        if (file == null || file.equals(lesson.hint()) || !guides.hasAnEditOf(step.guide(), file)) {
            return lesson;
        }
        return Lesson.of(lesson.title(), file, lesson.tests(), lesson.probe());
    }

    /**
     * "your own test MyTest.x fails: ..." for a failure of a test class that no step so far has
     * (the attendee's, which start keeps): an older lesson is not what broke.
     */
    private String sayWhenYourOwn(String problem, int stepNumber) {
        int fails = problem.indexOf(" fails: ");
        int dot = problem.indexOf('.');
        if (fails < 0 || dot < 0 || dot > fails) {
            return problem;
        }
        String simpleClass = problem.substring(0, dot);
        try (java.util.stream.Stream<Path> files = Files.walk(root.resolve("src/test"))) {
            Optional<String> own = files.filter(file -> file.getFileName().toString().equals(simpleClass + ".java"))
                    .map(file -> root.resolve("src/test").relativize(file).toString().replace('\\', '/'))
                    .filter(file -> new com.example.workshop.tools.Stages(root).isOwnTest(file, stepNumber)).findFirst();
            return own.isPresent() ? "your own test " + problem + " (src/test/" + own.get() + ": no step so far has it)" : problem;
        } catch (IOException | RuntimeException e) {
            return problem;
        }
    }

    /** What step 2's Clients.CACHE_TTL is, and every later step's tests expect. */
    static final String CACHE_TTL_AS_WRITTEN = "Duration.ofSeconds(60)";

    /**
     * Tests that expect the cache's TTL fail in whichever lesson sets it (step 6's stream cacher, at
     * step 7), but a changed Clients.CACHE_TTL is step 2's edit: a line whose failures name that
     * constant points there while the working copy's value is another.
     */
    private List<LessonResult> pointAtAChangedCacheTtl(List<LessonResult> results) {
        Optional<String> written = cacheTtlAsWritten();
        if (written.isEmpty() || written.get().equals(CACHE_TTL_AS_WRITTEN)) {
            return results;
        }
        List<LessonResult> pointed = new ArrayList<>();
        for (LessonResult result : results) {
            List<String> failures = result.problems().stream().filter(problem -> problem.contains(" fails: ")).toList();
            boolean aboutTheTtl = !failures.isEmpty() && failures.stream().allMatch(problem -> problem.contains("Clients.CACHE_TTL"));
            pointed.add(!aboutTheTtl ? result : new LessonResult(Lesson.of(result.lesson().title(),
                    guides.theFirstEditOf("Clients.java") + ": CACHE_TTL is " + written.get() + " in your code, and the tests"
                            + " expect " + CACHE_TTL_AS_WRITTEN, result.lesson().tests(), result.lesson().probe()), result.problems()));
        }
        return pointed;
    }

    /** Clients.CACHE_TTL's value as the working copy writes it ("Duration.ofSeconds(60)"), if it has one. */
    private Optional<String> cacheTtlAsWritten() {
        Path clients = root.resolve("src/main/java/com/example/accounts/Clients.java");
        try {
            java.util.regex.Matcher value = java.util.regex.Pattern.compile("CACHE_TTL\\s*=\\s*([^;]+);")
                    .matcher(JavaSource.withoutComments(Files.readString(clients)));
            return value.find() ? Optional.of(value.group(1).replaceAll("\\s+", "")) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The class a function's handler names when Lambda could not find it ("ClassNotFoundException: a.b.C"), if one could not be. */
    static Optional<String> handlerClassNotFound(List<String> problems) {
        java.util.regex.Pattern notFound = java.util.regex.Pattern.compile(
                "the handler could not be created: java\\.lang\\.ClassNotFoundException: ([\\w.$]+)");
        return problems.stream().map(notFound::matcher).filter(java.util.regex.Matcher::find).map(found -> found.group(1))
                .findFirst();
    }

    /**
     * A function that failed because serverless.yml gives it no variable the code reads (a line of
     * the guide's environment block left out or dropped): the guide edit that adds it, this step's
     * or an earlier one's. Empty when no problem says so, or no guide's edit of serverless.yml has it.
     */
    private Optional<String> missingVariable(List<String> problems, StepLessons step) {
        return problems.stream().map(MISSING_VARIABLE::matcher).filter(Matcher::find).map(found -> found.group(1)).findFirst()
                .flatMap(variable -> guides.theFirstServerlessYmlEditWith(variable, step.guide())
                        .map(guide -> "workshop/" + guide + (guides.hasANumberedEditOf(guide, "serverless.yml")
                                ? ", the edit of serverless.yml: it gives" : ", its section on serverless.yml: the starting file gives")
                                + " the functions " + variable + " (provider.environment), which the log line above says is not set"));
    }

    /** The first action IAM refused in {@code problems}, when this step's guide does not name it (an earlier step's does). */
    private Optional<String> refusedByAnEarlierStatement(List<String> problems, StepLessons step) {
        return problems.stream().map(IAM_REFUSAL::matcher).filter(Matcher::find).map(refusal -> refusal.group(1)).findFirst()
                .filter(action -> !guides.names(step.guide(), action) && guides.theFirstThatNames(action, step.guide()).isPresent())
                .filter(action -> neverAllowedBefore(problems, action, step).isEmpty());
    }

    /**
     * IAM refused a function an action that its role never had and this step's guide does not grant: the code makes
     * a call the guide never asks that function for, said first, as what the lines below follow from.
     */
    private Optional<String> aCallNoStepAsksFor(List<String> problems, StepLessons step) {
        return refusedActions(problems).stream().findFirst().filter(action -> !guides.names(step.guide(), action))
                .flatMap(action -> neverAllowedBefore(problems, action, step).map(function -> "IAM refused " + function + " "
                        + action + ", which its role has never allowed, in this step or before: the code makes a call that the"
                        + " guide never asks " + function + " for (what the lines below follow from)"));
    }

    /** "[createOrganization#1] ... is not authorized to perform: dynamodb:GetItem": the function IAM refused, and what. */
    private static final Pattern REFUSED_FUNCTION = Pattern.compile(
            "\\[(\\w+)#\\d+\\] \\.\\.\\. (?:User: \\S+ )?is not authorized to perform: (\\S+)");

    /**
     * The function IAM refused {@code action}, when the step before's serverless.yml did not allow it that action
     * either: no earlier statement stopped allowing it, the code makes a call that function never made (step 4's
     * createOrganization reading the Owner's membership instead of caching it). Empty when not so, or unknown.
     */
    private Optional<String> neverAllowedBefore(List<String> problems, String action, StepLessons step) {
        Optional<String> function = problems.stream().map(REFUSED_FUNCTION::matcher).filter(Matcher::find)
                .filter(refusal -> refusal.group(2).equals(action)).map(refusal -> refusal.group(1)).findFirst();
        try {
            Optional<Path> before = function.isEmpty() ? Optional.empty() : new Stages(root).numbered(step.number() - 1)
                    .map(stage -> stage.dir().resolve("serverless.yml")).filter(Files::isRegularFile);
            if (before.isEmpty()) {
                return Optional.empty();
            }
            return ServerlessYmlSyntax.allows(Files.readAllLines(before.get()), function.get(), action)
                    .filter(allowed -> !allowed).map(notAllowed -> function.get());
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** A class the function's JVM could not load, or a jar without what a dependency brings. */
    private static boolean missesAClassOfTheJar(String problem) {
        return problem.contains("NoClassDefFoundError") || problem.contains("ClassNotFoundException")
                || problem.contains(DeployedJar.HOLDS_NO_GRPC);
    }

    /** The regressions line's pointer when a route failed in the local cloud, by what the gateway or the log said. */
    private static String whereARouteFails(List<String> problems) {
        if (problems.stream().anyMatch(problem -> problem.contains("API Gateway has no such route"))) {
            return "serverless.yml: a function's http event (its method and path, as the guide spells them)";
        }
        Optional<String> initializer = problems.stream().filter(problem -> problem.startsWith(STATIC_INITIALIZER_FAILED))
                .findFirst();
        if (initializer.isPresent()) {
            return "the class named in the line above: " + STATIC_INITIALIZER_FAILED + " in an earlier cold start";
        }
        if (problems.stream().anyMatch(problem -> problem.contains("logged the Momento API key"))) {
            return "the line that logs the key (in local-cloud.log, the line above the local cloud's note):"
                    + " workshop/02-momento-client.md, \"Why Secrets Manager, not an environment variable\": the key is never"
                    + " logged";
        }
        if (problems.stream().anyMatch(problem -> problem.contains(DeployedJar.NEVER_LOADED))) {
            return "workshop/02-momento-client.md, the edit of pom.xml: the shade plugin's second <filter>";
        }
        if (problems.stream().anyMatch(problem -> problem.contains(DeployedJar.NEVER_USED))) {
            return "workshop/02-momento-client.md, the edit of pom.xml: the exclusions of the AWS dependencies";
        }
        if (problems.stream().anyMatch(problem -> problem.contains(EveryRoute.NO_STREAM_READER))) {
            return "workshop/06-stream-cacher.md, the edit of serverless.yml: the streamCacher function, with its stream"
                    + " event and that event's settings";
        }
        if (problems.stream().anyMatch(problem -> problem.contains(EveryRoute.FAILED_READ_AS_NOT_FOUND))) {
            return "workshop/03-read-aside.md, the edit of AccountCache.java: a read that failed is not \"not found\"";
        }
        if (problems.stream().anyMatch(problem -> problem.contains(" Momento clients in "))) {
            return "workshop/02-momento-client.md, the edit of Clients.java: one client per execution environment, kept in a"
                    + " static field";
        }
        if (problems.stream().anyMatch(problem -> problem.contains("the handler could not be created"))) {
            return "serverless.yml: a function's handler, which must name a class of the service (see the log line above)";
        }
        return "a route of the service fails in the local cloud: the log line above says why; most often serverless.yml"
                + " lacks an IAM statement or a variable the route needs (one an earlier step added and an edit dropped,"
                + " or this step's own)";
    }

    /**
     * Where to look when the local cloud did not start: no lesson's code was tried, so none of the
     * step's Java edits is to blame yet, whichever step's edit of serverless.yml it was.
     */
    private String whereTheCloudFailed(String reason, StepLessons step) {
        if (reason.startsWith(STOPPED_DURING_THE_CHECK)) {
            return reason.contains("exit code 137") ? "the local cloud's end above, not your code: close what you do not need"
                    + " (another local cloud, say), then check again"
                    : "the local cloud's end above, not your code: its last lines are in target/workshop-check/local-cloud.log;"
                            + " check again";
        }
        String tried = ": each lesson is tried once the local cloud starts";
        if (!reason.contains("serverless.yml")) {
            return "the local cloud's reason above, in full in target/workshop-check/local-cloud.log" + tried;
        }
        return editsServerlessYml(step)
                ? "serverless.yml, as the local cloud says above: workshop/" + step.guide() + ", the edit of serverless.yml,"
                        + " or a part an earlier step added" + tried
                : "serverless.yml, as the local cloud says above (" + typoOrBreak(step) + ")" + tried;
    }

    /** Whether the step's guide edits serverless.yml (step 1's shows the file it starts from, and edits nothing). */
    /** "functions.activityConsumer...": a place in serverless.yml under a function the step before did not have. */
    private static final Pattern FUNCTION_PATH = Pattern.compile("\\bfunctions\\.([\\w-]+)");

    /** Whether {@code reason} names a function that this step adds: then no earlier step's part is to blame. */
    private boolean inAFunctionTheStepAdds(String reason, StepLessons step) {
        Matcher function = FUNCTION_PATH.matcher(reason);
        try {
            Optional<Stages.Stage> before = new Stages(root).numbered(step.number() - 1);
            return function.find() && before.isPresent() && Files.readAllLines(before.get().dir().resolve("serverless.yml"))
                    .stream().noneMatch(line -> line.equals("  " + function.group(1) + ":"));
        } catch (IOException | UncheckedIOException unreadable) {
            return false;
        }
    }

    private boolean editsServerlessYml(StepLessons step) {
        return step.number() > 1 && guides.hasAnEditOf(step.guide(), "serverless.yml");
    }

    /** What broke a serverless.yml the step does not edit. */
    private static String typoOrBreak(StepLessons step) {
        return step.number() == 1 ? "a typo: git diff serverless.yml shows what changed since your last commit"
                : "a typo, or an edit that broke an earlier step's part";
    }

    /**
     * A cache's name that is one of the service's keys: it holds a name a probe made up (whatever the
     * attendee's CacheKeys do with it), or the guide's key separator '#', which no cache's name has.
     */
    private static boolean looksLikeAKey(String cacheName) {
        return cacheName.contains("#") || LocalService.namesMadeUp().stream().anyMatch(cacheName::contains);
    }

    /** "Momento was asked for a cache named ...", from the local Momento's record; empty when it has none. */
    private static Optional<String> namesAsked(LocalService service) {
        try {
            List<String> names = service.cachesNotFound();
            if (names.isEmpty()) {
                return Optional.empty();
            }
            String asked = CACHES_ASKED + "\"" + names.get(0) + "\"" + (names.size() > 1 ? " (and " + (names.size() - 1)
                    + " more names)" : "") + ", which no cache has";
            return Optional.of(names.stream().anyMatch(StepCheck::looksLikeAKey) ? asked + A_KEY_AS_THE_CACHES_NAME
                    + ", so a cache call in AccountCache has its arguments swapped (the SDK takes the cache's name first,"
                    + " then the key)" : asked);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /**
     * What only Dependencies (which reads every environment variable) can be the cause of: the function
     * asked for a variable the step's solution does not define either, or for a cache that does not exist.
     */
    private Optional<String> causeInDependencies(List<String> problems, StepLessons step) {
        Optional<String> misnamed = variableTheGuideDoesNotDefine(problems, step);
        if (misnamed.isPresent()) {
            return Optional.of(misnamed.get() + " is no variable of the guide's serverless.yml: is it the name Dependencies"
                    + " should read?");
        }
        if (problems.stream().anyMatch(problem -> problem.startsWith(CACHES_ASKED) && problem.contains(A_KEY_AS_THE_CACHES_NAME))) {
            return Optional.empty(); // a key passed as the cache's name: see keyGivenAsTheCachesName
        }
        if (problems.stream().anyMatch(problem -> problem.contains(NO_SUCH_CACHE))) {
            return Optional.of(NO_CACHE_OF_THAT_NAME);
        }
        if (problems.stream().anyMatch(problem -> problem.contains(NULL_CACHE_NAME))) {
            return Optional.of(NO_CACHE_NAME);
        }
        return Optional.empty();
    }

    /** System.getenv of a variable that is not set gives null, and the SDK refuses a cache call without a name. */
    private static final String NO_CACHE_NAME = "the function asks for a cache named null (the SDK refuses every call: \""
            + NULL_CACHE_NAME + "\"): Dependencies reads the cache's name from a variable that is not set; serverless.yml"
            + " sets CACHE_NAME";

    private static final String NO_CACHE_OF_THAT_NAME = "the function asks for a cache that does not exist: the local cloud"
            + " creates the one that CACHE_NAME names in serverless.yml, and Dependencies must take the cache's name from that"
            + " variable";
    private static final String NO_CACHE_OF_THAT_NAME_AS_ABOVE = "the function asks for a cache that does not exist, as above:"
            + " every call to it failed";

    /**
     * With a cache of another name every cache call fails, so a probe saw reads that "never asked the cache" or
     * fills that are not there: true, and all from the name, which the line before them says. Those lines become
     * one that says so (a 5xx answer stays: a cache fault must not fail a read); after the first lesson, the name
     * and its log are "as above". Returns that the cause is said.
     */
    private static boolean followFromTheCachesName(List<String> problems, boolean saidBefore) {
        boolean followed = problems.removeIf(problem -> problem.startsWith("local cloud:") && !problem.contains(" answered 5"));
        if (saidBefore) {
            problems.removeIf(problem -> problem.contains(NO_SUCH_CACHE) || problem.contains(NULL_CACHE_NAME)
                    || problem.startsWith(CACHES_ASKED));
            problems.add(0, NO_CACHE_OF_THAT_NAME_AS_ABOVE);
        } else if (followed) {
            problems.add(0, "local cloud: every call to that cache failed, so nothing was read from it or stored in it:"
                    + " what the probe looked for (a cache hit, a cached item) follows from the cache's name");
        }
        return true;
    }

    /**
     * The function said "Environment variable X is not set" (Dependencies.requiredEnv) for an X that the
     * step's solution does not define either: the code reads a wrong name, and serverless.yml is not to blame.
     */
    private Optional<String> variableTheGuideDoesNotDefine(List<String> problems, StepLessons step) {
        Optional<String> variable = problems.stream().map(MISSING_VARIABLE::matcher).filter(Matcher::find)
                .map(found -> found.group(1)).findFirst();
        if (variable.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<Path> solution = new Stages(root).numbered(step.number()).map(Stages.Stage::dir);
            if (solution.isEmpty() || !Files.exists(solution.get().resolve("serverless.yml"))) {
                return Optional.empty();
            }
            String defined = Files.readString(solution.get().resolve("serverless.yml"));
            return defined.contains(variable.get() + ":") ? Optional.empty() : variable;
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // no solutions here (a test's root): keep the lesson's own pointer
        }
    }

    private static long seconds(long since) {
        return java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }

    /**
     * Tries each lesson's probe in one local cloud; returns why the local cloud did not start, or
     * stopped before the last lesson, if it did.
     */
    private Optional<String> probeAll(StepLessons step, List<Lesson> lessons, Map<Lesson, List<String>> problems,
                                      Map<Lesson, String> files, Set<Lesson> traced, Path logFile) throws InterruptedException {
        RunningCloud cloud;
        boolean ownLessons = lessons.stream()
                .anyMatch(lesson -> lesson.probe() != null && !lesson.title().equals(StepLessons.REGRESSIONS));
        long probed = lessons.stream().filter(lesson -> lesson.probe() != null).count();
        long starting = System.nanoTime();
        try {
            cloud = clouds.start(logFile);
            // On a busy laptop the lessons take minutes: each one's number as it starts shows that the check goes on.
            // The others are proved by their tests alone: "5 of the 6" says why fewer numbers come than checks.
            String trying = probed == lessons.size() ? "trying the " + probed + " checks there:"
                    : "trying " + probed + " of the " + lessons.size() + " checks there:";
            out.printf("    the local cloud is up (%d s); %s", seconds(starting), ownLessons ? trying : "calling every route...");
            out.flush();
        } catch (IOException e) {
            try {
                if (Files.notExists(logFile) || Files.size(logFile) == 0) { // it printed nothing: the reason is all there is to read
                    Files.createDirectories(logFile.getParent());
                    Files.writeString(logFile, String.valueOf(e.getMessage()) + System.lineSeparator());
                }
            } catch (IOException notWritten) {
                out.println("(could not write " + logFile + ": " + notWritten.getMessage() + ")");
            }
            // The reason once, under the first lesson; it is often several lines long.
            String reason = "not tried: " + String.valueOf(e.getMessage()).strip();
            for (Lesson lesson : lessons) {
                if (lesson.probe() != null) {
                    problems.put(lesson, List.of(reason));
                    reason = "not tried: the local cloud did not start (see above)";
                }
            }
            return Optional.of(String.valueOf(e.getMessage()));
        }
        long probing = System.nanoTime();
        try {
            Supplier<List<String>> log = cloud::log;
            LocalService service = new LocalService(cloud.base(), log, root);
            for (int index = 0; index < lessons.size(); index++) {
                Lesson lesson = lessons.get(index);
                if (lesson.probe() == null) {
                    continue;
                }
                if (ownLessons) {
                    out.print(" " + (index + 1)); // the line's number: step 7's "1 3 6", its lines 2, 4 and 5 proved by tests alone
                    out.flush();
                }
                int logLinesBefore = cloud.log().size();
                try {
                    runTwice(lesson.probe(), service);
                } catch (ProbeFailure failure) {
                    Optional<String> stopped = stoppedCloud(cloud, java.time.Duration.ofMillis(500));
                    if (stopped.isPresent()) {
                        return Optional.of(notTriedFrom(lessons.subList(index, lessons.size()), problems, stopped.get()));
                    }
                    List<String> seen = new ArrayList<>(List.of(failure.seenWhere() + failure.getMessage()));
                    int quotable = Math.max(logLinesBefore, service.logQuotedFrom());
                    functionError(cloud.log(), quotable).filter(line -> !failure.getMessage().contains(line)) // said already
                            .ifPresent(line -> seen.add("its log: " + line));
                    Optional<String> initializer = failedStaticInitializer(cloud.log(), quotable);
                    initializer.ifPresent(className -> seen.add(staticInitializerAdvice(className)));
                    Optional<String> asked = seen.stream().anyMatch(line -> line.contains(NO_SUCH_CACHE))
                            ? namesAsked(service) : Optional.empty(); // Momento's error does not say which name
                    asked.ifPresent(seen::add);
                    problems.put(lesson, seen);
                    failure.file().ifPresent(file -> files.put(lesson, file));
                    if (asked.filter(line -> line.contains(A_KEY_AS_THE_CACHES_NAME)).isPresent()) {
                        files.put(lesson, "AccountCache.java"); // a key as the cache's name: a call's arguments swapped
                    }
                    if (isRegressions(lesson) && failure.file().isEmpty()) { // a route failed: where the service threw, if it did
                        thrownByTheService(cloud.log(), quotable).ifPresent(at -> files.put(lesson, whereItWasThrown(at, step)));
                    }
                    initializer.ifPresent(className -> files.put(lesson, guides.theFirstEditOf(sourceFileOf(className))));
                    if (failure.tracedInTheCode() && failure.file().equals(Optional.ofNullable(files.get(lesson)))) {
                        traced.add(lesson);
                    }
                } catch (IOException e) {
                    // A dropped connection is how a local cloud that dies shows first; its process ends a moment later.
                    Optional<String> stopped = stoppedCloud(cloud, java.time.Duration.ofSeconds(3));
                    if (stopped.isPresent()) {
                        return Optional.of(notTriedFrom(lessons.subList(index, lessons.size()), problems, stopped.get()));
                    }
                    problems.put(lesson, List.of("local cloud: " + (e instanceof HttpTimeoutException ? HELD_UP
                            : "the service did not answer: " + e)));
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    Optional<String> stopped = stoppedCloud(cloud, java.time.Duration.ofMillis(500));
                    if (stopped.isPresent()) {
                        return Optional.of(notTriedFrom(lessons.subList(index, lessons.size()), problems, stopped.get()));
                    }
                    problems.put(lesson, List.of("local cloud: " + e));
                }
            }
        } finally {
            out.printf("%n    done (%d s)%n", seconds(probing));
            jvmDidNotStart = cloud.log().stream().filter(line -> line.contains(JVM_DID_NOT_START)).map(String::strip)
                    .map(LocalService::brief).findFirst();
            cloud.log().stream().filter(line -> line.startsWith(NOTE)).map(line -> line.substring(NOTE.length()))
                    .distinct().forEach(notes::add);
            cloud.close();
        }
        return Optional.empty();
    }

    /** A full disk stops the build or the local cloud, whatever the code: nothing it says is about the attendee's code. */
    private static boolean diskFull(TestRun.Result tests, Optional<String> cloudFailure) {
        return tests.errors().stream().anyMatch(error -> error.contains(TestRun.NO_SPACE))
                || cloudFailure.filter(reason -> reason.contains(TestRun.NO_SPACE)).isPresent();
    }

    static String diskFullAdvice() {
        return "not your code: a disk is full (\"" + TestRun.NO_SPACE + "\"): free space where this repository is (each check"
                + " rebuilds its target/) and in the temporary directory (" + System.getProperty("java.io.tmpdir") + "), then"
                + " check again";
    }

    /** How the local cloud ended, if it has, with the full disk its log names, if it does (see {@link #diskFull}). */
    private static Optional<String> stoppedCloud(RunningCloud cloud, java.time.Duration grace) throws InterruptedException {
        boolean noSpace = cloud.log().stream().anyMatch(line -> line.contains(TestRun.NO_SPACE));
        return cloud.stopped(grace).map(how -> noSpace ? how + "; its log says " + TestRun.NO_SPACE : how);
    }

    /**
     * Marks {@code lessons} not tried as the local cloud stopped ({@code how}): the reason once,
     * under the first, as when it does not start. Returns the reason.
     */
    private static String notTriedFrom(List<Lesson> lessons, Map<Lesson, List<String>> problems, String how) {
        String reason = STOPPED_DURING_THE_CHECK + " (" + how + "): nothing here says that your code is wrong";
        String line = "not tried: " + reason;
        for (Lesson lesson : lessons) {
            if (lesson.probe() != null) {
                problems.put(lesson, List.of(line));
                line = "not tried: the local cloud stopped (see above)";
            }
        }
        return reason;
    }

    /**
     * The last line since {@code from} in which a function failed or was refused (IAM, a missing
     * environment variable at Init, an exception): a probe sees a 500, the log says why. The last,
     * as a probe that fails runs twice and reports its second try.
     */
    static Optional<String> functionError(List<String> log, int from) {
        List<String> since = log.subList(Math.min(from, log.size()), log.size());
        int found = quotedLine(since);
        if (found < 0) {
            return Optional.empty();
        }
        String line = since.get(found).strip();
        if (BARE_EXCEPTION.matcher(line).find()) {
            // A NullPointerException without a message says only its class: where the service's code threw it says more.
            line += since.subList(found, since.size()).stream().filter(frame -> frame.contains(SERVICE_FRAME)).findFirst()
                    .map(frame -> " at " + frame.substring(frame.indexOf(SERVICE_FRAME) + "at function//".length()).strip())
                    .orElse("");
        }
        return Optional.of(LocalService.brief(line));
    }

    /** Which of the lines {@link #functionError} quotes; -1 for none. */
    private static int quotedLine(List<String> since) {
        // A refusal, a failed Init, a cache that is not there, a stream record skipped or a function stopped by its
        // timeout (a busy machine's, or a loop's) says why; "ERROR ApiHandler - GET ... failed" only that it failed.
        // (A missing cache and a skipped record are warnings, and the function goes on: only its log tells.)
        List<List<String>> byPriority = List.of(List.of("is not authorized to perform", "INIT failed",
                NO_SUCH_CACHE, NULL_CACHE_NAME, "has an unknown event name", "Task timed out after"),
                List.of("Exception: ", " ERROR "));
        for (int priority = 0; priority < byPriority.size(); priority++) {
            List<String> kinds = byPriority.get(priority);
            boolean orBare = priority == byPriority.size() - 1; // an exception without a message: its class alone
            int found = -1;
            for (int i = 0; i < since.size(); i++) {
                String line = since.get(i);
                if (kinds.stream().anyMatch(line::contains) || orBare && BARE_EXCEPTION.matcher(line).find()) {
                    found = i;
                }
            }
            if (found >= 0) {
                return found;
            }
        }
        return -1;
    }

    /** The JDK's own exception (a NullPointerException, an IllegalStateException), first in a log line after the function's name. */
    private static final Pattern JDK_EXCEPTION = Pattern.compile("] java\\.[\\w.$]+(Exception|Error)\\b");
    /** A stack frame's file and line: "(AccountCache.java:53)". */
    private static final Pattern FRAME_FILE = Pattern.compile("\\((\\w+\\.java):(\\d+)\\)");

    /**
     * "AccountCache.java:53" when the line {@link #functionError} quotes is a JDK exception that the service's
     * own code threw (its first frame is the service's): a slip in that file, not in serverless.yml. An SDK's
     * exception (a table or cache of another name) is thrown by the SDK, whichever class called it.
     */
    static Optional<String> thrownByTheService(List<String> log, int from) {
        List<String> since = log.subList(Math.min(from, log.size()), log.size());
        int found = quotedLine(since);
        if (found < 0 || !JDK_EXCEPTION.matcher(since.get(found)).find()) {
            return Optional.empty();
        }
        return since.subList(found + 1, since.size()).stream().filter(line -> line.contains("\tat ")).findFirst()
                .filter(frame -> frame.contains(SERVICE_FRAME)).map(FRAME_FILE::matcher).filter(Matcher::find)
                .map(frame -> frame.group(1) + ":" + frame.group(2));
    }

    static final String THROWN_THERE = "the exception in the log line above was thrown there";

    /** The edit of the file where the service threw ("AccountCache.java:53"), in this step's guide or the last before it. */
    private String whereItWasThrown(String fileAndLine, StepLessons step) {
        String file = fileAndLine.substring(0, fileAndLine.indexOf(':'));
        Optional<String> guide = guides.hasAnEditOf(step.guide(), file) ? Optional.of(step.guide())
                : guides.theLastEditBefore(file, step.guide());
        return guide.map(edit -> "workshop/" + edit + ", the edit of " + file + ": " + THROWN_THERE + " (" + fileAndLine + ")")
                .orElse(fileAndLine + ": " + THROWN_THERE + " (git diff shows what changed there)");
    }

    /** A log line that is only an exception's class, as a NullPointerException's first line is without a helpful message. */
    private static final Pattern BARE_EXCEPTION = Pattern.compile("] [\\w.$]+(Exception|Error)\\s*$");
    /**
     * How a stack frame of the service's own code begins in its log (the runtime loads the jar, the SDKs in it too,
     * as "function"): the first of them is where the service threw, or called what threw.
     */
    private static final String SERVICE_FRAME = "at function//com.example.";

    /**
     * The service's class whose static initializer failed, if the log since {@code from} says so:
     * the JVM throws ExceptionInInitializerError once, then NoClassDefFoundError "Could not
     * initialize class" at every later use, for the environment's life.
     */
    static Optional<String> failedStaticInitializer(List<String> log, int from) {
        List<String> since = log.subList(Math.min(from, log.size()), log.size());
        if (since.stream().noneMatch(line -> line.contains("ExceptionInInitializerError") || line.contains("Could not initialize class"))) {
            return Optional.empty();
        }
        return since.stream().map(FAILED_INITIALIZER::matcher).filter(Matcher::find)
                .map(found -> found.group(1) != null ? found.group(1) : found.group(2)).findFirst();
    }

    static String staticInitializerAdvice(String className) {
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        return STATIC_INITIALIZER_FAILED + " (" + simpleName + "), and the JVM never runs it again: the class stays unusable"
                + " for the environment's life, and every request that needs it fails. Create what can fail (the client, the"
                + " key) in a method that tries again at the next use, as the guide's Clients does, not in a static"
                + " initializer or a holder class";
    }

    /** {@code com.example.accounts.Clients$Holder} is written in Clients.java. */
    static String sourceFileOf(String className) {
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        int nested = simpleName.indexOf('$');
        return (nested > 0 ? simpleName.substring(0, nested) : simpleName) + ".java";
    }

    /**
     * A probe that fails is tried again, and its second try reports: on a busy laptop the first cache
     * call of a cold execution environment can outlast Momento's deadline once, while code without
     * the lesson fails every time. The second try runs on the environments the first one warmed up
     * (a probe that needs a new one retires it first). So is one whose request got no answer at all:
     * the local cloud was held up (a laptop's lid closed during the check), not the code.
     */
    private static void runTwice(Probe probe, LocalService service) throws Exception {
        int noClientBefore = service.logLines(NO_CACHE_CLIENT).size();
        try {
            probe.run(service);
        } catch (ProbeFailure | HttpTimeoutException first) {
            retireWhereTheClientTimedOut(service, noClientBefore);
            probe.run(service);
        }
    }

    /** How AccountCache logs a read or write that had no client (its cold start could not create one). */
    private static final String NO_CACHE_CLIENT = "No cache client";
    /** An AWS or Momento call that ran out of time, as the SDKs word it: the machine's speed, not the code. */
    private static final Pattern TIMED_OUT = Pattern.compile(
            "ApiCallTimeoutException|ApiCallAttemptTimeoutException|did not complete before the specified timeout");
    private static final Pattern FUNCTION_OF_A_LINE = Pattern.compile("^\\[(\\w+)#\\d+]");

    /**
     * Retires the environments whose cold start ran out of time reading the Momento key during the first try (a
     * busy laptop): for five seconds after that, the client is not tried again and every cache call goes without
     * it, so a second try at once would meet the same, and blame the code's cache path.
     */
    static void retireWhereTheClientTimedOut(LocalService service, int noClientBefore) throws Exception {
        List<String> lines = service.logLines(NO_CACHE_CLIENT);
        java.util.Set<String> functions = new java.util.TreeSet<>();
        for (String line : lines.subList(Math.min(noClientBefore, lines.size()), lines.size())) {
            Matcher function = FUNCTION_OF_A_LINE.matcher(line.strip());
            if (TIMED_OUT.matcher(line).find() && function.find()) {
                functions.add(function.group(1));
            }
        }
        for (String function : functions) {
            service.retireEnvironments(function);
        }
    }

}
