package com.example.workshop.tools.check;

import com.example.workshop.tools.Stages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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

    /** Maven's words when it cannot read pom.xml or resolve what it declares. */
    private static final Pattern POM_PROBLEM = Pattern.compile("POM|pom\\.xml|Could not (?:find artifact|resolve)"
            + "|must be a valid version|dependencies\\.dependency");

    /** The local cloud's words when an environment's JVM stopped before any of the function's code ran. */
    static final String JVM_DID_NOT_START = "the local cloud could not start the environment's JVM";

    static final String NOT_YOUR_CODE = "not your code: the local cloud could not start a function's JVM (its log line above"
            + " says what the JVM printed; all of it is in target/workshop-check/local-cloud.log). Run check again; if it"
            + " says this again, the local cloud or this machine is at fault (memory, the JDK): tell your instructor";
    /** A class of the service whose static initializer failed, as the JVM names it then and at every later use. */
    private static final Pattern FAILED_INITIALIZER = Pattern.compile(
            "Could not initialize class (com\\.example\\.accounts\\.[\\w.$]+)|at (?:\\S*/)?(com\\.example\\.accounts\\.[\\w.$]+)\\.<clinit>");
    private static final String STATIC_INITIALIZER_FAILED = "a static initializer failed";
    /** A compile error's file in the attendee's code: "src/main/java/.../AccountCache.java:116: ..." */
    private static final Pattern BROKEN_FILE = Pattern.compile("^src/main/\\S*?([\\w$]+\\.java):");
    /** Where javac looked for a missing symbol, as {@link TestRun} words it: "(symbol: method streamCacher(), in Dependencies)". */
    private static final Pattern LOOKED_UP_IN = Pattern.compile(", in ([\\w$]+)\\)$");
    /** An import of a library's package that the build does not have: "package momento.sdk does not exist" (not the service's own). */
    private static final Pattern MISSING_LIBRARY = Pattern.compile(": package (?!com\\.example\\.)[\\w.]+ does not exist");
    /** A class the tests use that the attendee's code does not have yet: "(symbol: class ListMembersHandler)". */
    private static final Pattern MISSING_CLASS = Pattern.compile("\\(symbol: class ([\\w$]+)\\)$");
    /**
     * A constructor or method the tests call with other parameters than the attendee's code has: javac's
     * "constructor AccountService in class AccountService cannot be applied to given types" (one
     * constructor) or "no suitable constructor found for AccountService(...)" (several).
     */
    private static final Pattern CHANGED_SIGNATURE = Pattern.compile(
            "(?:(?:constructor|method) \\S+ in (?:class|record|enum|interface) ([\\w$.]+) cannot be applied to given types"
                    + "|no suitable constructor found for ([\\w$]+)\\()");
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
        RunningCloud start() throws IOException, InterruptedException;
    }

    /** The working copy running in a local cloud: where it listens and what it logged. */
    interface RunningCloud extends AutoCloseable {
        java.net.URI base();

        List<String> log();

        void saveLog(Path file) throws IOException;

        @Override
        void close();
    }

    /** How the line that names the caches a function asked for, and no cache has, begins. */
    private static final String CACHES_ASKED = "Momento was asked for a cache named ";
    private static final String A_KEY_AS_THE_CACHES_NAME = ": that is a key";
    /** Compile errors listed under the last line: with its header, as many lines as the checklist shows for a lesson. */
    private static final int ERRORS_SHOWN = 3;
    /** How the local cloud words what it accepts but would not recommend (a wildcard in an IAM statement). */
    private static final String NOTE = "Note: ";

    private final Path root;
    private final Guides guides;
    private final PrintWriter out;
    /** What the local cloud noted about serverless.yml while this check ran it: not failures, shown after the lessons. */
    private final List<String> notes = new ArrayList<>();
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
        this.out = out;
        this.build = () -> new TestRun(root, root.resolve("target/workshop-check/maven.log")).run();
        this.clouds = () -> LocalCloudProcess.start(root);
        this.regressionProbes = EveryRoute::of;
    }

    StepCheck(Path root, PrintWriter out, Build build, CloudStarter clouds) {
        this(root, out, build, clouds, null);
    }

    /** With {@code regressionProbe} for the regressions line of every step (null: tests only). */
    StepCheck(Path root, PrintWriter out, Build build, CloudStarter clouds, Probe regressionProbe) {
        this.root = root;
        this.guides = new Guides(root);
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
            out.println("serverless.yml is not valid YAML: nothing was built or tried (fix it, then check again).");
            out.flush();
            return nothingTried(step.withRegressions(regressionProbe), notYaml.get(), step);
        }
        boolean probes = regressionProbe != null || step.lessons().stream().anyMatch(lesson -> lesson.probe() != null);
        out.println((probes ? "1/2 " : "") + "Building your service and running the step's tests (log: target/workshop-check/maven.log)...");
        out.flush();
        long started = System.nanoTime();
        TestRun.Result tests = build.run();
        out.printf("    %s (%d s)%n", describe(tests), seconds(started));

        Optional<String> cloudFailure = Optional.empty(); // why the local cloud did not start, if it did not
        Map<Lesson, List<String>> probeProblems = new java.util.HashMap<>();
        Map<Lesson, String> probedFiles = new java.util.HashMap<>(); // where a probe saw the slip, if not in the lesson's file
        List<Lesson> lessons = step.withRegressions(regressionProbe);
        if (tests.outcome() == TestRun.Outcome.CODE_DOES_NOT_COMPILE || tests.outcome() == TestRun.Outcome.BUILD_FAILED) {
            String why = tests.outcome() == TestRun.Outcome.CODE_DOES_NOT_COMPILE ? "your code does not compile" : "the build failed";
            // A lesson with tests says so already (testProblems), once; the last line lists the errors.
            lessons.stream().filter(lesson -> lesson.probe() != null && lesson.tests().isEmpty() && !isRegressions(lesson))
                    .forEach(lesson -> probeProblems.put(lesson, List.of("not tried in the local cloud: " + why)));
        } else if (tests.outcome() == TestRun.Outcome.TESTS_DO_NOT_COMPILE) {
            // The first compile error is the next thing to fix; the local cloud waits until the tests compile.
            lessons.stream().filter(lesson -> lesson.probe() != null && !isRegressions(lesson))
                    .forEach(lesson -> probeProblems.put(lesson, List.of("not tried in the local cloud until the tests compile")));
        } else if (lessons.stream().anyMatch(lesson -> lesson.probe() != null)) {
            out.println("2/2 Running your service in the local cloud (log: target/workshop-check/local-cloud.log)...");
            out.flush();
            cloudFailure = probeAll(lessons, probeProblems, probedFiles, logs.resolve("local-cloud.log"));
        }

        Optional<String> nextError = nextTestCompileError(tests, step);
        List<LessonResult> results = new ArrayList<>();
        List<String> claimed = lessons.stream().flatMap(lesson -> lesson.tests().stream()).toList();
        boolean pointedAtTheCloud = false;
        for (Lesson lesson : lessons) {
            // What the local cloud saw first: it says what the service did, where a test's message may not.
            List<String> problems = new ArrayList<>(probeProblems.getOrDefault(lesson, List.of()));
            if (lesson.title().equals(StepLessons.REGRESSIONS)) {
                problems.addAll(unclaimedFailures(tests, claimed));
            } else {
                problems.addAll(testProblems(tests, lesson, nextError));
            }
            // A probe's guess at the file (wiring, as a rule) gives way to the lesson's own failing unit test.
            String seenFile = Repointing.ownUnitTestFails(lesson, tests) ? null : probedFiles.get(lesson);
            Optional<String> cause = causeInDependencies(problems, step);
            if (cause.isPresent()) {
                // Right after what the local cloud saw, so that "... and N more" never hides it.
                problems.add(probeProblems.getOrDefault(lesson, List.of()).size(), cause.get());
                seenFile = "Dependencies.java";
            }
            Lesson pointed = pointedAt(reported(lesson, tests, step), problems, seenFile != null ? seenFile : brokenFile(tests, step),
                    unitTestedFile(tests, lesson), step);
            Optional<String> earlierGrant = isRegressions(lesson) ? Optional.empty() : refusedByAnEarlierStatement(problems, step);
            // What a probe saw then (every read from DynamoDB, say) names code of this step that may be right.
            earlierGrant.ifPresent(action -> problems.add(0, "IAM refused " + action + ", which an earlier step's statement"
                    + " allows (see ->): what the local cloud saw below follows from that, not from this step's code"));
            boolean onlyNotTried = problems.stream().allMatch(problem -> problem.startsWith("not tried: "));
            if (cloudFailure.isPresent() && lesson.probe() != null && onlyNotTried) {
                pointed = Lesson.of(lesson.title(), pointedAtTheCloud ? "as above: the local cloud did not start"
                        : whereTheCloudFailed(cloudFailure.get(), step), lesson.tests(), lesson.probe());
                pointedAtTheCloud = true; // the reason and where to look once, as the reason itself is given once
            }
            if (lesson.probe() != null && jvmDidNotStart.isPresent() && probeProblems.containsKey(lesson)
                    && !Repointing.ownUnitTestFails(lesson, tests)) {
                // Nothing of the function ran, so what the probe saw says nothing about the attendee's code.
                if (problems.stream().noneMatch(problem -> problem.contains(JVM_DID_NOT_START))) {
                    problems.add("its log: " + jvmDidNotStart.get());
                }
                pointed = Lesson.of(lesson.title(), NOT_YOUR_CODE, lesson.tests(), lesson.probe());
            }
            results.add(new LessonResult(pointed, problems));
        }
        return sayEachRefusalOnce(new Repointing(guides, curriculum).repoint(results, tests, step));
    }

    /** Every lesson undone for one reason, said on the first line with where to look, "as above" on the others. */
    private List<LessonResult> nothingTried(List<Lesson> lessons, String reason, StepLessons step) {
        String where = guides.hasAnEditOf(step.guide(), "serverless.yml")
                ? "serverless.yml: workshop/" + step.guide() + ", the edit of serverless.yml, or a part an earlier step added"
                : "serverless.yml (a typo, or an edit that broke an earlier step's part)";
        List<LessonResult> results = new ArrayList<>();
        for (Lesson lesson : lessons) {
            boolean first = results.isEmpty();
            results.add(new LessonResult(Lesson.of(lesson.title(), first ? where : "as above: serverless.yml is not valid YAML",
                    lesson.tests(), lesson.probe()), List.of(first ? reason : "not tried: serverless.yml is not valid YAML")));
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
                    + " for " + refusedAction.get() + " no longer allows the call (its Resource; or, for a function with a"
                    + " role of its own, custom.serverless-iam-roles-per-function.defaultInherit)", lesson.tests(),
                    lesson.probe());
        }
        if (lesson.title().equals(StepLessons.REGRESSIONS)) {
            if (seenFile != null && seenFile.startsWith("pom.xml")) { // the build's own errors are under this line
                return Lesson.of(lesson.title(), seenFile.equals("pom.xml") ? "workshop/" + step.guide() + ", the edit of pom.xml"
                        : seenFile, lesson.tests(), lesson.probe());
            }
            boolean inTheCloud = problems.stream().anyMatch(problem -> problem.startsWith("local cloud:"));
            return inTheCloud ? Lesson.of(lesson.title(), whereARouteFails(problems), lesson.tests(), lesson.probe()) : lesson;
        }
        boolean configuration = problems.stream().anyMatch(problem -> problem.contains("serverless.yml")
                || problem.contains("is not authorized to perform") || problem.contains("The local cloud cannot start"));
        String file = seenFile != null ? seenFile : configuration ? "serverless.yml" : testedFile;
        if (file != null && file.startsWith("workshop/")) {
            return Lesson.of(lesson.title(), file, lesson.tests(), lesson.probe()); // an earlier guide's edit, in full
        }
        if (file == null || file.equals(lesson.hint()) || !guides.hasAnEditOf(step.guide(), file)) {
            return lesson;
        }
        return Lesson.of(lesson.title(), file, lesson.tests(), lesson.probe());
    }

    /** The first action IAM refused in {@code problems}, when this step's guide does not name it (an earlier step's does). */
    private Optional<String> refusedByAnEarlierStatement(List<String> problems, StepLessons step) {
        return problems.stream().map(IAM_REFUSAL::matcher).filter(Matcher::find).map(refusal -> refusal.group(1)).findFirst()
                .filter(action -> !guides.names(step.guide(), action) && guides.theFirstThatNames(action, step.guide()).isPresent());
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
        if (problems.stream().anyMatch(problem -> problem.contains("which Lambda never loads"))) {
            return "workshop/02-momento-client.md, the edit of pom.xml: the shade plugin's second <filter>";
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
        String tried = ": each lesson is tried once the local cloud starts";
        if (!reason.contains("serverless.yml")) {
            return "the local cloud's reason above, in full in target/workshop-check/local-cloud.log" + tried;
        }
        return guides.hasAnEditOf(step.guide(), "serverless.yml")
                ? "serverless.yml, as the local cloud says above: workshop/" + step.guide() + ", the edit of serverless.yml,"
                        + " or a part an earlier step added" + tried
                : "serverless.yml, as the local cloud says above (a typo, or an edit that broke an earlier step's part)" + tried;
    }

    /**
     * What only Dependencies (which reads every environment variable) can be the cause of: the function
     * asked for a variable the step's solution does not define either, or for a cache that does not exist.
     */
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
            return Optional.of("the function asks for a cache that does not exist: the local cloud creates the one that"
                    + " CACHE_NAME names in serverless.yml, and Dependencies must take the cache's name from that variable");
        }
        return Optional.empty();
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
            Optional<Path> solution = new Stages(root).all().stream().filter(stage -> stage.number() == step.number())
                    .map(Stages.Stage::dir).findFirst();
            if (solution.isEmpty() || !Files.exists(solution.get().resolve("serverless.yml"))) {
                return Optional.empty();
            }
            String defined = Files.readString(solution.get().resolve("serverless.yml"));
            return defined.contains(variable.get() + ":") ? Optional.empty() : variable;
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // no solutions here (a test's root): keep the lesson's own pointer
        }
    }

    /**
     * Right after start, the step's new tests name what its edits add, so they do not compile yet:
     * the regressions line then points at the first compile error, not at "an edit broke something";
     * and so it does when the attendee's own code does not compile.
     */
    private Lesson reported(Lesson lesson, TestRun.Result tests, StepLessons step) {
        if (lesson.title().equals(StepLessons.REGRESSIONS) && tests.outcome() == TestRun.Outcome.TESTS_DO_NOT_COMPILE) {
            String needed = missingFromTheTests(tests, step);
            return Lesson.of(lesson.title(), needed != null
                    ? "the step's tests use what workshop/" + step.guide() + "'s edit of " + needed + " adds or changes:"
                            + " make it next, after any edit before it in the guide that you have not made yet (javac lists"
                            + " the errors above in its own order)"
                    : "make the first compile error above go away: a test calls what the guide's edits add or change"
                            + " (a class, a method, a constructor's parameters), or what an edit of yours renamed", List.of(), null);
        }
        if (lesson.title().equals(StepLessons.REGRESSIONS) && tests.outcome() == TestRun.Outcome.CODE_DOES_NOT_COMPILE) {
            return Lesson.of(lesson.title(), "fix the compile errors above (file and line first), then check again", List.of(), null);
        }
        return lesson;
    }

    private static String describe(TestRun.Result tests) {
        return switch (tests.outcome()) {
            case TESTS_RAN -> tests.tests().cases().stream().filter(test -> test.skipped() == null).count() + " tests ran, "
                    + tests.tests().cases().stream().filter(test -> test.failure() != null).count() + " failed" + skips(tests);
            case TESTS_DO_NOT_COMPILE -> "the step's tests do not compile yet";
            case CODE_DOES_NOT_COMPILE -> "your code does not compile";
            case BUILD_FAILED -> "the build failed";
        };
    }

    /**
     * ", 1 skipped: X.y: why" (a test that waits for an edit says which), or "" when every test ran.
     * Several: the first one's reason; maven.log has them all.
     */
    private static String skips(TestRun.Result tests) {
        List<TestResults.TestCase> skipped = tests.tests().cases().stream().filter(test -> test.skipped() != null).toList();
        if (skipped.isEmpty()) {
            return "";
        }
        TestResults.TestCase first = skipped.get(0);
        return ", " + skipped.size() + " skipped (" + (skipped.size() == 1 ? "" : "the first: ") + first.shortName() + ": "
                + first.skipped() + ")";
    }

    private static long seconds(long since) {
        return java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }

    /** Tries each lesson's probe in one local cloud; returns why the local cloud did not start, if it did not. */
    private Optional<String> probeAll(List<Lesson> lessons, Map<Lesson, List<String>> problems, Map<Lesson, String> files,
                                      Path logFile) throws InterruptedException {
        RunningCloud cloud;
        long starting = System.nanoTime();
        try {
            cloud = clouds.start();
            boolean ownLessons = lessons.stream()
                    .anyMatch(lesson -> lesson.probe() != null && !lesson.title().equals(StepLessons.REGRESSIONS));
            out.printf("    the local cloud is up (%d s); %s...%n", seconds(starting),
                    ownLessons ? "trying each lesson" : "calling every route");
            out.flush();
        } catch (IOException e) {
            try {
                Files.createDirectories(logFile.getParent());
                Files.writeString(logFile, String.valueOf(e.getMessage()) + System.lineSeparator()); // where the pointer sends the reader
            } catch (IOException notWritten) {
                out.println("(could not write " + logFile + ": " + notWritten.getMessage() + ")");
            }
            // The reason once, under the first lesson; it is often several lines long.
            String reason = "not tried: " + e.getMessage().strip();
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
            for (Lesson lesson : lessons) {
                if (lesson.probe() == null) {
                    continue;
                }
                int logLinesBefore = cloud.log().size();
                try {
                    runTwice(lesson.probe(), service);
                } catch (ProbeFailure failure) {
                    List<String> seen = new ArrayList<>(List.of("local cloud: " + failure.getMessage()));
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
                    initializer.ifPresent(className -> files.put(lesson, guides.theFirstEditOf(sourceFileOf(className))));
                } catch (IOException e) {
                    problems.put(lesson, List.of("local cloud: the service did not answer: " + e));
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    problems.put(lesson, List.of("local cloud: " + e));
                }
            }
        } finally {
            out.printf("    done (%d s)%n", seconds(probing));
            jvmDidNotStart = cloud.log().stream().filter(line -> line.contains(JVM_DID_NOT_START)).map(String::strip)
                    .map(LocalService::brief).findFirst();
            cloud.log().stream().filter(line -> line.startsWith(NOTE)).map(line -> line.substring(NOTE.length()))
                    .distinct().forEach(notes::add);
            cloud.close();
            try {
                cloud.saveLog(logFile);
            } catch (IOException e) {
                out.println("(could not write " + logFile + ": " + e.getMessage() + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * The last line since {@code from} in which a function failed or was refused (IAM, a missing
     * environment variable at Init, an exception): a probe sees a 500, the log says why. The last,
     * as a probe that fails runs twice and reports its second try.
     */
    static Optional<String> functionError(List<String> log, int from) {
        List<String> since = log.subList(Math.min(from, log.size()), log.size());
        // A refusal, a failed Init, a cache that is not there or a stream record skipped says why; "ERROR ApiHandler -
        // GET ... failed" only that it failed. (The last two are warnings, and the function goes on: only its log tells.)
        for (List<String> kinds : List.of(List.of("is not authorized to perform", "INIT failed",
                NO_SUCH_CACHE, "has an unknown event name"), List.of("Exception: ", " ERROR "))) {
            Optional<String> found = since.stream().filter(line -> kinds.stream().anyMatch(line::contains))
                    .map(String::strip).map(LocalService::brief).reduce((earlier, later) -> later);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

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
     * A probe that fails is tried once more: on a busy laptop the first cache call of a cold
     * execution environment can outlast Momento's deadline once, while code without the lesson
     * fails every time. The second try runs on the environments the first one warmed up.
     */
    private static void runTwice(Probe probe, LocalService service) throws Exception {
        try {
            probe.run(service);
        } catch (ProbeFailure first) {
            probe.run(service);
        }
    }

    /** @param nextError the test compile error to show, when the tests do not compile: the one the next edit makes go away */
    private static List<String> testProblems(TestRun.Result tests, Lesson lesson, Optional<String> nextError) {
        if (lesson.tests().isEmpty()) {
            return List.of();
        }
        switch (tests.outcome()) {
            case TESTS_RAN -> { }
            // The errors are listed once, on the last line.
            case CODE_DOES_NOT_COMPILE -> {
                return List.of("not tried: your code does not compile (its errors are under the checklist's last line)");
            }
            case BUILD_FAILED -> {
                return List.of("not tried: the build failed (why is under the checklist's last line)");
            }
            case TESTS_DO_NOT_COMPILE -> {
                return List.of("the tests do not compile yet: " + nextError.orElse("see target/workshop-check/maven.log"));
            }
        }
        List<String> problems = new ArrayList<>();
        for (String wanted : lesson.tests()) {
            List<TestResults.TestCase> found = tests.tests().matching(wanted);
            if (found.isEmpty()) {
                problems.add(wanted + " is missing from src/test: run start for this step to bring its tests");
            }
            found.stream().filter(test -> test.failure() != null)
                    .forEach(test -> problems.add(test.shortName() + " fails: " + test.failure()));
            // A test that waits for an earlier edit proves nothing yet: not done, and it says what it waits for.
            found.stream().filter(test -> test.skipped() != null)
                    .forEach(test -> problems.add(test.shortName() + " did not run: " + test.skipped()));
        }
        return problems;
    }

    /**
     * Where the attendee's code stopped compiling: the file of the first compile error in src/main
     * ({@code AccountCache.java}), or the class a missing symbol was looked up in, when the guide
     * edits that one ({@code StreamCacherHandler} calls {@code Dependencies.streamCacher()}, which an
     * edit of {@code Dependencies.java} adds), or {@code pom.xml} when the first error is a library's
     * package that is not there. Every lesson then points there (no lesson's code was
     * tried). When only the tests do not compile, the edit that adds what they miss; null when
     * everything compiles.
     */
    private String brokenFile(TestRun.Result tests, StepLessons step) {
        if (tests.outcome() == TestRun.Outcome.TESTS_DO_NOT_COMPILE) {
            return withTheEditsBeforeIt(missingFromTheTests(tests, step), step);
        }
        if (tests.outcome() == TestRun.Outcome.BUILD_FAILED && tests.errors().stream().anyMatch(error -> POM_PROBLEM.matcher(error).find())) {
            // Maven could not read pom.xml, or not find a dependency it names: no Java was compiled, none is to blame.
            return guides.hasAnEditOf(step.guide(), "pom.xml") ? "pom.xml"
                    : "pom.xml, as the build's errors under the last line say (a typo, or an edit that broke an earlier step's part)";
        }
        if (tests.outcome() != TestRun.Outcome.CODE_DOES_NOT_COMPILE) {
            return null;
        }
        Optional<String> first = tests.errors().stream().filter(error -> error.startsWith("src/main/")).findFirst();
        Matcher file = first.map(BROKEN_FILE::matcher).filter(Matcher::find).orElse(null);
        if (file == null) {
            return null;
        }
        if (MISSING_LIBRARY.matcher(first.get()).find() && guides.hasAnEditOf(step.guide(), "pom.xml")) {
            return "pom.xml"; // the Java is right; the dependency that brings the package is not there
        }
        Matcher lookedIn = LOOKED_UP_IN.matcher(first.get());
        String lookedInFile = lookedIn.find() ? lookedIn.group(1) + ".java" : null;
        return lookedInFile != null && guides.hasAnEditOf(step.guide(), lookedInFile) ? lookedInFile : file.group(1);
    }

    /**
     * The edit the tests need, said as the first they need: javac names the classes the tests miss
     * before their methods, so an earlier edit that adds a method (step 5's edits 1 to 3, before
     * Member.java) may still be to make. The guide's first edit needs no such word.
     */
    private String withTheEditsBeforeIt(String needed, StepLessons step) {
        List<String> headings = guides.headings(step.guide());
        int index = Guides.editIndex(headings, needed);
        if (needed == null || index == Integer.MAX_VALUE || headings.get(index).startsWith("### 1.")) {
            return needed;
        }
        return "workshop/" + step.guide() + ", the edit of " + needed + ": the first the tests need; make the guide's"
                + " edits before it first, if not made yet";
    }

    /**
     * The step's tests do not compile because they use what an edit of the guide adds: a class it
     * creates ("symbol: class ListMembersHandler") or a member of a class it edits ("symbol: method
     * readAll(...), in AccountCache"). That edit's file, from the first such error; null when the
     * first error names nothing the guide edits (each lesson keeps its own pointer, a to-do list).
     */
    private String missingFromTheTests(TestRun.Result tests, StepLessons step) {
        List<String> headings = guides.headings(step.guide());
        return nextTestCompileError(tests, step).map(StepCheck::fileNamedBy)
                .filter(file -> Guides.editIndex(headings, file) < Integer.MAX_VALUE).orElse(null);
    }

    /**
     * Of the errors that keep the step's tests from compiling, the one whose missing part the guide's
     * edits add first: the next edit, in the guide's order (javac reports the tests' files in its own
     * order, and step 5's first error names the class of its last edit). The first error when none
     * names a file the guide edits.
     */
    private Optional<String> nextTestCompileError(TestRun.Result tests, StepLessons step) {
        if (tests.outcome() != TestRun.Outcome.TESTS_DO_NOT_COMPILE || tests.errors().isEmpty()) {
            return Optional.empty();
        }
        List<String> headings = guides.headings(step.guide()); // read once, not per error
        return tests.errors().stream().filter(error -> Guides.editIndex(headings, fileNamedBy(error)) < Integer.MAX_VALUE)
                .min(java.util.Comparator.comparingInt(error -> Guides.editIndex(headings, fileNamedBy(error))))
                .or(() -> Optional.of(tests.errors().get(0)));
    }

    /** The file whose edit adds what a compile error misses ("symbol: class X", "in X", "constructor X ... cannot be applied"), or null. */
    private static String fileNamedBy(String error) {
        Matcher lookedIn = LOOKED_UP_IN.matcher(error);
        Matcher missingClass = MISSING_CLASS.matcher(error);
        Matcher changed = CHANGED_SIGNATURE.matcher(error);
        return lookedIn.find() ? lookedIn.group(1) + ".java" : missingClass.find() ? missingClass.group(1) + ".java"
                : changed.find() ? simpleName(changed.group(1) != null ? changed.group(1) : changed.group(2)) + ".java" : null;
    }

    /** "AccountService" for "com.example.accounts.service.AccountService". */
    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /**
     * For a lesson proven by tests of several classes, the class whose tests are its only failures,
     * as a file name ({@code AccountCacheTest} fails alone: {@code AccountCache.java}); an integration
     * test failing with it does not count (step 5's repository reading one page fails both
     * {@code AccountRepositoryTest} and {@code ListMembersIntegrationTest}). Null when unit tests of
     * more than one class fail, or none does. A lesson proven by one class's tests keeps its
     * own pointer (its tests may go through a handler to the class it teaches), and only a file the
     * step's guide edits is pointed at (an integration test's name is no file).
     */
    private static String unitTestedFile(TestRun.Result tests, Lesson lesson) {
        long classesNamed = lesson.tests().stream().map(test -> test.contains(".") ? test.substring(0, test.indexOf('.')) : test)
                .distinct().count();
        if (tests.outcome() != TestRun.Outcome.TESTS_RAN || classesNamed < 2) {
            return null;
        }
        List<String> testedClasses = Repointing.failingTestsOf(lesson, tests).stream()
                .map(TestResults.TestCase::simpleClassName).distinct().toList();
        if (testedClasses.size() > 1) {
            // An integration test goes through every part; a failing unit test names the one part.
            testedClasses = testedClasses.stream().filter(name -> !name.endsWith("IntegrationTest")).toList();
        }
        if (testedClasses.size() > 1 && testedClasses.stream().anyMatch(name -> !name.endsWith("HandlerTest"))) {
            // A handler's test goes through the class it calls (StreamCacherHandlerTest through StreamCacher): that one.
            testedClasses = testedClasses.stream().filter(name -> !name.endsWith("HandlerTest")).toList();
        }
        if (testedClasses.size() != 1 || !testedClasses.get(0).endsWith("Test")) {
            return null;
        }
        String tested = testedClasses.get(0);
        return tested.substring(0, tested.length() - "Test".length()) + ".java";
    }

    /** Failures of tests that no lesson names: something that worked before is broken. */
    private static List<String> unclaimedFailures(TestRun.Result tests, List<String> claimed) {
        if (tests.outcome() != TestRun.Outcome.TESTS_RAN) {
            List<String> problems = new ArrayList<>();
            String what = tests.outcome() == TestRun.Outcome.CODE_DOES_NOT_COMPILE ? "your code does not compile"
                    : tests.outcome() == TestRun.Outcome.BUILD_FAILED ? "the build failed" : "the tests do not compile yet";
            int errors = tests.errors().size();
            // The header counts them: the checklist shows a few lines per lesson, and one error often causes the next.
            problems.add(what + (errors > ERRORS_SHOWN ? " (" + errors + " errors, the first " + ERRORS_SHOWN
                    + " here, all in target/workshop-check/maven.log):" : ":"));
            tests.errors().stream().limit(ERRORS_SHOWN).map(error -> "  " + error).forEach(problems::add);
            return problems;
        }
        if (tests.tests().cases().isEmpty()) {
            return List.of("no test ran: src/test has no tests (start brings the step's tests)");
        }
        return tests.tests().cases().stream()
                .filter(test -> test.failure() != null)
                .filter(test -> claimed.stream().noneMatch(test::matches))
                .map(test -> test.shortName() + " fails: " + test.failure())
                .toList();
    }
}
