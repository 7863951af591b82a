package com.example.workshop.tools.check;

import com.example.workshop.tools.Stages;
import com.example.workshop.tools.Trees;
import com.example.workshop.tools.check.steps.Curriculum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the build and the step's tests say, as a check's lines: each lesson's failing or missing
 * tests, what no lesson claims, and, when something does not compile or Maven cannot build, which
 * file (which edit of the guide) to look at first.
 */
final class BuildFindings {
    /** Maven's words when it cannot read pom.xml or resolve what it declares. */
    private static final Pattern POM_PROBLEM = Pattern.compile("POM|pom\\.xml|Could not (?:find artifact|resolve)"
            + "|must be a valid version|dependencies\\.dependency");
    /** A compile error's file in the attendee's code: "src/main/java/.../AccountCache.java:116: ..." */
    private static final Pattern BROKEN_FILE = Pattern.compile("^src/main/\\S*?([\\w$]+\\.java):");
    /** A compile error's file among the tests, relative to src/test: "java/com/example/.../MyCacheTest.java". */
    private static final Pattern TEST_FILE = Pattern.compile("^src/test/(\\S+?\\.java):");
    /** Where javac looked for a missing symbol, as {@link TestRun} words it: "(symbol: method streamCacher(), in Dependencies)". */
    private static final Pattern LOOKED_UP_IN = Pattern.compile(", in (?:[\\w$]+\\.)*([\\w$]+)\\)$"); // a library's with its package
    /** An import of a library's package that the build does not have: "package momento.sdk does not exist" (not the service's own). */
    private static final Pattern MISSING_LIBRARY = Pattern.compile(": package (?!com\\.example\\.)[\\w.]+ does not exist");
    /** A package of the service that is not there: "package com.example.accounts.cache does not exist" (a step's edits make it). */
    private static final Pattern MISSING_OWN_PACKAGE = Pattern.compile(": package (com\\.example\\.[\\w.]+) does not exist");
    /**
     * A class the tests use that the attendee's code does not have yet: "(symbol: class ListMembersHandler)",
     * or "(symbol: variable MomentoApiKey)" where a test calls one of its static methods (javac cannot
     * tell a missing class from a missing variable there; a capital letter says which it is).
     */
    private static final Pattern MISSING_CLASS = Pattern.compile("\\(symbol: (?:class|variable) ([A-Z][\\w$]*)\\)$");
    /**
     * A constructor or method the tests call with other parameters than the attendee's code has: javac's
     * "constructor AccountService in class AccountService cannot be applied to given types" (one
     * constructor) or "no suitable constructor found for AccountService(...)" (several).
     */
    private static final Pattern CHANGED_SIGNATURE = Pattern.compile(
            "(?:(?:constructor|method) \\S+ in (?:class|record|enum|interface) ([\\w$.]+) cannot be applied to given types"
                    + "|no suitable constructor found for ([\\w$]+)\\()");
    /**
     * A class the file uses and javac cannot find, by name: "(symbol: class List)", "(symbol:
     * variable CacheKeys)" for a class whose static method is called, or the "package
     * SetIfNotExistsResponse does not exist" javac says of a nested class's outer name.
     */
    private static final Pattern UNKNOWN_CLASS = Pattern.compile("^(src/main/\\S+\\.java):\\d+: (?:cannot find symbol"
            + " \\(symbol: (?:class|variable) ([A-Z][\\w$]*)\\)|package ([A-Z][\\w$]*) does not exist)");
    /** The method or field a test looks for in one of the project's classes: "(symbol: method read(...), in AccountCache)". */
    private static final Pattern MISSING_MEMBER = Pattern.compile("\\(symbol: (?:method|variable) ([\\w$]+)");
    /** javac's error for a backtick, as in a guide's code fence pasted with its code: its file and line. */
    private static final Pattern BACKTICK = Pattern.compile("^(src/main/\\S+\\.java):(\\d+): illegal character: '`'");
    /** javac's error for a method's result used where the method returns nothing: its file and line. */
    private static final Pattern VOID_RESULT_USED = Pattern.compile("^(src/main/\\S+\\.java):(\\d+): 'void' type not allowed here");
    /** A numbered edit's heading and its file: "### 2. `AccountRepository.java`: one Query, page by page". */
    private static final Pattern NUMBERED_EDIT = Pattern.compile("^###\\s+\\d+\\.\\s+`([^`]+)`");
    /** The name and javac's "required:" parameters of a call that could not be applied, as {@link TestRun} words it. */
    private static final Pattern REQUIRED = Pattern.compile(
            "(?:constructor|method) ([\\w$]+) in (?:class|record|enum|interface) [\\w$.]+ cannot be applied to given types.*"
                    + "\\(required: ([^;]*); found:");
    /** Why a package the guide's edit creates may be missing though the attendee made it. */
    private static final String PACKAGE_NOT_COMMITTED = " (made it already? then its files are not where the package's name"
            + " says, under src/main/java, or the name differs; on a clone made elsewhere, were they committed? git add -A"
            + " takes new files, git commit -am does not)";
    /** Compile errors listed under the last line: with its header, as many lines as the checklist shows for a lesson. */
    private static final int ERRORS_SHOWN = 3;

    private final Guides guides;

    BuildFindings(Guides guides) {
        this.guides = guides;
    }

    /**
     * Right after start, the step's new tests name what its edits add, so they do not compile yet:
     * the regressions line then points at the first compile error, not at "an edit broke something";
     * and so it does when the attendee's own code does not compile.
     */
    Lesson reported(Lesson lesson, TestRun.Result tests, StepLessons step) {
        if (lesson.title().equals(StepLessons.REGRESSIONS) && tests.outcome() == TestRun.Outcome.TESTS_DO_NOT_COMPILE) {
            Optional<String> yours = yourOwnTestThatDoesNotCompile(tests, step);
            if (yours.isPresent()) {
                return Lesson.of(lesson.title(), yours.get() + "; then check again", List.of(), null);
            }
            String needed = missingFromTheTests(tests, step);
            // Made, in another package's folder: "make it next" would have the attendee make it twice.
            Optional<String> misplaced = needed == null ? Optional.empty() : elsewhereInTheWorkingCopy(needed, step);
            if (misplaced.isPresent()) {
                return Lesson.of(lesson.title(), "workshop/" + step.guide() + ", the edit of " + needed + ": " + misplaced.get()
                        + "; then check again", List.of(), null);
            }
            Optional<String> earlier = needed == null ? anEarlierStepsClass(tests, step) : Optional.empty();
            if (earlier.isPresent()) {
                return Lesson.of(lesson.title(), earlier.get() + "; then check again", List.of(), null);
            }
            return Lesson.of(lesson.title(), needed != null
                    ? "the step's tests use what workshop/" + step.guide() + "'s edit of " + needed + " adds or changes:"
                            + " make it next, after any edit before it in the guide that you have not made yet (javac lists"
                            + " the errors above in its own order)"
                    : "make the first compile error above go away: a test calls what the guide's edits add or change"
                            + " (a class, a method, a constructor's parameters), or what an edit of yours renamed", List.of(), null);
        }
        if (lesson.title().equals(StepLessons.REGRESSIONS) && tests.outcome() == TestRun.Outcome.CODE_DOES_NOT_COMPILE) {
            // The first error's file may be one just pasted from the guide, and the fix in another (a method it calls).
            String fixedIn = brokenFile(tests, step);
            if (fixedIn != null && fixedIn.startsWith("workshop/")) { // an earlier guide's edit, said in full
                return Lesson.of(lesson.title(), fixedIn + "; then check again", List.of(), null);
            }
            if (fixedIn == null || !guides.hasAnEditOf(step.guide(), fixedIn)) {
                return Lesson.of(lesson.title(), "fix the compile errors above (file and line first), then check again", List.of(), null);
            }
            Optional<String> firstError = tests.errors().stream().filter(error -> error.startsWith("src/main/")).findFirst();
            boolean inIt = firstError.map(BROKEN_FILE::matcher).filter(Matcher::find)
                    .map(file -> file.group(1).equals(fixedIn)).orElse(true);
            boolean packageMissing = firstError.map(MISSING_OWN_PACKAGE::matcher).map(Matcher::find).orElse(false);
            boolean classMissing = firstError.map(MISSING_CLASS::matcher).map(Matcher::find).orElse(false);
            return Lesson.of(lesson.title(), "workshop/" + step.guide() + ", the edit of " + fixedIn + (inIt
                    ? ": the first error above is in that file" + elsewhereInTheWorkingCopy(fixedIn, step).map(said -> "; " + said)
                            .orElse("") + firstError.map(this::fenceLine).filter(said -> !said.isEmpty())
                            .or(() -> firstError.map(error -> voidResultUsed(error, step)))
                            .filter(said -> !said.isEmpty()).or(() -> firstError.map(error -> importMissing(error, step))).orElse("")
                    : packageMissing ? ": it creates the package the first error above looks for" + PACKAGE_NOT_COMMITTED
                    : classMissing ? ": it creates the class the first error above looks for"
                    : ": it adds what the first error above looks for (unless the name is misspelt where it is used)")
                    + earlierEditsNotMade(fixedIn, step) + laterErrorsNeed(tests, fixedIn, step) + "; then check again", List.of(),
                    null);
        }
        return lesson;
    }

    /**
     * For javac's "illegal character: '`'" on a line that is a Markdown code fence (```java, ```):
     * the guide's code copied one line too many ("" for a backtick elsewhere).
     */
    private String fenceLine(String error) {
        Matcher at = BACKTICK.matcher(error);
        try {
            if (at.find()) {
                List<String> lines = Files.readAllLines(guides.root().resolve(at.group(1)));
                int line = Integer.parseInt(at.group(2));
                if (line <= lines.size() && lines.get(line - 1).strip().startsWith("```")) {
                    return ": line " + line + " is a line of the guide's Markdown (```), copied with the code: delete it, and"
                            + " any other such line";
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // nothing more to say
        }
        return "";
    }

    /**
     * ": its import of java.util.List is missing ...", when the step's solution of that file imports the
     * class javac cannot find and the attendee's does not: an edit's code pasted without its imports.
     */
    private String importMissing(String error, StepLessons step) {
        Matcher unknown = UNKNOWN_CLASS.matcher(error);
        if (!unknown.find()) {
            return "";
        }
        String name = unknown.group(2) != null ? unknown.group(2) : unknown.group(3);
        Pattern importOf = Pattern.compile("(?m)^import\\s+([\\w.]+\\." + Pattern.quote(name) + ")\\s*;");
        try {
            Optional<Stages.Stage> solution = stage(step.number());
            if (solution.isEmpty()) {
                return "";
            }
            Matcher theirs = importOf.matcher(Files.readString(solution.get().dir().resolve(unknown.group(1))));
            if (theirs.find() && !importOf.matcher(Files.readString(guides.root().resolve(unknown.group(1)))).find()) {
                return ": its import of " + theirs.group(1) + " is missing (the guide's code of that edit lists the imports it needs)";
            }
        } catch (IOException | RuntimeException e) {
            // no solutions (a test's root), or no such file in the step's (the attendee's own): nothing more to say
        }
        return "";
    }

    /**
     * For javac's "'void' type not allowed here" on a line that may be just as the guide has it
     * (step 5's {@code fills.add(fill(...))}): the method of the same file whose result the line
     * uses, though it still returns nothing, as an earlier step had it ("" when none is found).
     */
    private String voidResultUsed(String error, StepLessons step) {
        Matcher at = VOID_RESULT_USED.matcher(error);
        if (!at.find()) {
            return "";
        }
        try {
            String source = Files.readString(guides.root().resolve(at.group(1)));
            List<String> lines = source.lines().toList();
            int line = Integer.parseInt(at.group(2));
            if (line > lines.size()) {
                return "";
            }
            Matcher called = Pattern.compile("\\b(\\w+)\\s*\\(").matcher(lines.get(line - 1));
            while (called.find()) {
                String method = called.group(1);
                if (Pattern.compile("\\bvoid\\s+" + method + "\\s*\\(").matcher(JavaSource.withoutComments(source)).find()
                        && returnsAValueInTheStep(at.group(1), method, step)) {
                    return ": line " + line + " uses what " + method + "(...) returns, and your " + method + " returns nothing"
                            + " (void): the same edit changes " + method + " to return a value";
                }
            }
            return "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Whether the step's finished {@code path} declares {@code method} with a return value (not only void); false without solutions. */
    private boolean returnsAValueInTheStep(String path, String method, StepLessons step) {
        try {
            Optional<Stages.Stage> stage = stage(step.number());
            if (stage.isEmpty() || !Files.isRegularFile(stage.get().dir().resolve(path))) {
                return false;
            }
            String finished = JavaSource.withoutComments(Files.readString(stage.get().dir().resolve(path)));
            // a type before the name, so a declaration: not "return fill(...)" or "new Fill(...)"
            Pattern declaration = Pattern.compile("\\b(?!(?:void|return|new|throw|else|case|yield)\\b)[\\w<>\\[\\]?,]+\\s+"
                    + method + "\\s*\\(");
            return declaration.matcher(finished).find();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static String describe(TestRun.Result tests) {
        return switch (tests.outcome()) {
            case TESTS_RAN -> ran(tests) + " tests ran, " + tests.tests().cases().stream().filter(test -> test.failure() != null).count()
                    + " failed" + skips(tests);
            case TESTS_DO_NOT_COMPILE -> "the tests do not compile yet"; // the step's, or one of the attendee's own
            case CODE_DOES_NOT_COMPILE -> "your code does not compile";
            case BUILD_FAILED -> "the build failed";
        };
    }

    /** "103", or "102 of the 103" when some were skipped: Maven's "Tests run" counts those too. */
    private static String ran(TestRun.Result tests) {
        long all = tests.tests().cases().size();
        long ran = tests.tests().cases().stream().filter(test -> test.skipped() == null).count();
        return ran == all ? String.valueOf(all) : ran + " of the " + all;
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

    /** @param nextError the test compile error to show, when the tests do not compile: the one the next edit makes go away */
    static List<String> testProblems(TestRun.Result tests, Lesson lesson, Optional<String> nextError) {
        if (lesson.tests().isEmpty()) {
            return List.of();
        }
        switch (tests.outcome()) {
            case TESTS_RAN -> { }
            // The errors are listed once, on the last line.
            case CODE_DOES_NOT_COMPILE -> {
                return List.of("not tried: your code does not compile (its errors are under \"" + StepLessons.REGRESSIONS + "\" below)");
            }
            case BUILD_FAILED -> {
                return List.of("not tried: the build failed (why is under \"" + StepLessons.REGRESSIONS + "\" below)");
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
            // A parameterized test's cases often fail alike: the first one's failure, and how many more.
            found.stream().filter(test -> test.failure() != null)
                    .collect(java.util.stream.Collectors.groupingBy(test -> test.shortName().replaceFirst("\\[\\d+]$", ""),
                            java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()))
                    .values().forEach(cases -> problems.add(cases.get(0).shortName() + " fails" + (cases.size() == 1 ? ""
                            : " (and " + (cases.size() - 1) + " more of its cases)") + ": " + cases.get(0).failure()));
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
     * tried). When only the tests do not compile, the edit that adds what they miss, or the
     * attendee's own test when only that one does not compile; null when everything compiles.
     */
    String brokenFile(TestRun.Result tests, StepLessons step) {
        if (tests.outcome() == TestRun.Outcome.TESTS_DO_NOT_COMPILE) {
            Optional<String> yours = yourOwnTestThatDoesNotCompile(tests, step);
            if (yours.isPresent()) {
                return yours.get();
            }
            String needed = missingFromTheTests(tests, step);
            Optional<String> misplaced = needed == null ? Optional.empty() : elsewhereInTheWorkingCopy(needed, step);
            if (misplaced.isPresent()) {
                return "workshop/" + step.guide() + ", the edit of " + needed + ": " + misplaced.get();
            }
            return needed != null ? withTheEditsBeforeIt(needed, tests, step) : anEarlierStepsClass(tests, step).orElse(null);
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
        // The error's own file in another package's folder: its package line cuts it off from its neighbours' classes.
        Optional<String> misplacedHere = elsewhereInTheWorkingCopy(file.group(1), step);
        if (misplacedHere.isPresent()) {
            return "workshop/" + step.guide() + ", the edit of " + file.group(1) + ": " + misplacedHere.get();
        }
        if (MISSING_LIBRARY.matcher(first.get()).find()) {
            // The Java is right; the dependency that brings the package is not there: an earlier step's, or this one's.
            Optional<String> dropped = DroppedDependencies.addedByAnEarlierStep(guides.root(), step, guides);
            if (dropped.isPresent()) {
                return dropped.get();
            }
            if (guides.hasAnEditOf(step.guide(), "pom.xml")) {
                return DroppedDependencies.onlyManaged(guides.root(), step).orElse("pom.xml");
            }
        }
        Matcher ownPackage = MISSING_OWN_PACKAGE.matcher(first.get());
        if (ownPackage.find()) {
            // Step 3's Dependencies.java imports the cache package that its edits 1 and 2 create: missing, point at those.
            Optional<String> creating = theFirstEditInPackage(ownPackage.group(1), step);
            if (creating.isPresent()) {
                return creating.get();
            }
        }
        // A class of the service that is not there at all: the edit that creates it (step 7's ActivityConsumer, typed
        // before ActivityRepository). Where the class is there, an import or its name is what to fix, in the error's file.
        Matcher missingClass = MISSING_CLASS.matcher(first.get());
        if (missingClass.find() && guides.hasAnEditOf(step.guide(), missingClass.group(1) + ".java")
                && !inTheCode(missingClass.group(1) + ".java")) {
            return missingClass.group(1) + ".java";
        }
        // There, in another package's folder: where it is, rather than the error's file, whose code is right.
        Optional<String> misplaced = missingClass.find(0) ? elsewhereInTheWorkingCopy(missingClass.group(1) + ".java", step)
                : Optional.empty();
        if (misplaced.isPresent()) {
            return "workshop/" + step.guide() + ", the edit of " + missingClass.group(1) + ".java: " + misplaced.get();
        }
        // A method or constructor of another class that is missing, or has other parameters: that class's edit adds it
        // (step 5's ListMembersHandler calls ApiResponses.ok(Object), which the edit of ApiResponses.java adds).
        Matcher lookedIn = LOOKED_UP_IN.matcher(first.get());
        Matcher changed = CHANGED_SIGNATURE.matcher(first.get());
        String lookedInFile = lookedIn.find() ? lookedIn.group(1) + ".java"
                : changed.find() ? simpleName(changed.group(1) != null ? changed.group(1) : changed.group(2)) + ".java" : null;
        if (lookedInFile == null || !guides.hasAnEditOf(step.guide(), lookedInFile)) {
            return orAnEarlierEdit(file.group(1), step);
        }
        // The error's own file still as the step before had it: its edit is the one not made yet (step 3:
        // AccountService has its new constructor, and Dependencies.java, edited after it, still calls the old one).
        // Or the class it calls already declares the parameters the guide gives it: then the call is the one to change.
        String errorPath = first.get().substring(0, first.get().indexOf(".java:") + ".java".length());
        boolean callerToEdit = guides.hasAnEditOf(step.guide(), file.group(1))
                && (asTheStepBeforeHadIt(errorPath, step) || calleeAsTheGuideHasIt(first.get(), lookedInFile, step));
        return callerToEdit ? file.group(1) : lookedInFile;
    }

    /**
     * A file with the first compile error that this step's guide does not edit: the last earlier
     * guide's edit of it, said in full (Clients.java broken at step 4 is guide 02's), not the
     * lesson's own file, which compiles. The file itself when no guide edits it.
     */
    private String orAnEarlierEdit(String file, StepLessons step) {
        if (guides.hasAnEditOf(step.guide(), file)) {
            return file;
        }
        return guides.theLastEditBefore(file, step.guide()).map(guide -> "workshop/" + guide + ", the edit of " + file
                + ": the first compile error (under \"" + StepLessons.REGRESSIONS + "\") is in that file, which this step's guide"
                + " does not edit: mend it as that guide has it, or move code of this step's that you typed into it where this"
                + " step's guide puts it").orElse(file);
    }

    /** Whether the attendee's src/main/java holds a file of that name, in any package. */
    private boolean inTheCode(String fileName) {
        try {
            return javaFileNamed(guides.root(), fileName).isPresent();
        } catch (IOException | RuntimeException e) {
            return true; // unreadable: the error's own file keeps the pointer
        }
    }

    /**
     * True when javac's "required:" parameters are those that the step's finished code declares
     * for the constructor or method a call could not be applied to: that class is as the guide has
     * it (step 3's {@code AccountService(AccountRepository, AccountCache)}), whatever its comments.
     * Not when the attendee's class lacks one of that name that the finished class declares (javac
     * then names the one it has): step 5's ApiResponses without the {@code ok(Object)} that its edit
     * adds beside step 4's {@code ok(String, Object)}.
     */
    private boolean calleeAsTheGuideHasIt(String error, String calleeFile, StepLessons step) {
        Matcher required = REQUIRED.matcher(error);
        if (!required.find()) {
            return false;
        }
        try {
            Optional<Stages.Stage> stage = stage(step.number());
            Optional<Path> callee = stage.isEmpty() ? Optional.empty() : javaFileNamed(stage.get().dir(), calleeFile);
            if (callee.isEmpty()) {
                return false;
            }
            List<String> finished = JavaSource.parameterTypes(Files.readString(callee.get()), required.group(1));
            Optional<Path> yours = javaFileNamed(guides.root(), calleeFile);
            return finished.contains(JavaSource.requiredTypes(required.group(2))) && (yours.isEmpty()
                    || JavaSource.parameterTypes(Files.readString(yours.get()), required.group(1)).containsAll(finished));
        } catch (IOException | RuntimeException e) {
            return false; // no solutions here (a test's root): the class the call looks in keeps the pointer
        }
    }

    /**
     * The edit that creates {@code pkg}: of the first stage up to {@code step} whose solution has it,
     * the file in it that its guide edits first. The file's name when that is this step's guide
     * ("CacheKeys.java"), "workshop/03-read-aside.md, the edit of CacheKeys.java, ..." when an earlier
     * one's (step 3's files left out of a commit, found at step 4). Empty without solutions, or
     * when no guide edits a file of it.
     */
    private Optional<String> theFirstEditInPackage(String pkg, StepLessons step) {
        try {
            for (Stages.Stage stage : new Stages(guides.root()).all()) {
                Path dir = stage.dir().resolve("src/main/java").resolve(pkg.replace('.', '/'));
                if (stage.number() > step.number() || !Files.isDirectory(dir)) {
                    continue;
                }
                String guide = Curriculum.step(stage.number()).map(StepLessons::guide).orElse(null);
                if (guide == null) {
                    return Optional.empty();
                }
                List<String> headings = guides.headings(guide);
                Optional<String> first;
                try (var files = Files.list(dir)) {
                    first = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".java"))
                            .filter(name -> Guides.editIndex(headings, name) < Integer.MAX_VALUE)
                            .min(Comparator.comparingInt(name -> Guides.editIndex(headings, name)));
                }
                return stage.number() == step.number() ? first : first.map(file -> "workshop/" + guide + ", the edit of " + file
                        + ", which creates the package " + pkg + PACKAGE_NOT_COMMITTED);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the working copy's {@code path} has the same code as in the stage before {@code step},
     * comments and layout aside (false without solutions).
     */
    private boolean asTheStepBeforeHadIt(String path, StepLessons step) {
        try {
            Optional<Stages.Stage> before = stage(step.number() - 1);
            Path yours = guides.root().resolve(path);
            // Comments and layout of the attendee's own (typed from the guide) are still the step before's code.
            return before.isPresent() && Files.isRegularFile(yours) && sameCode(yours, before.get().dir().resolve(path));
        } catch (IOException | RuntimeException e) {
            return false; // no solutions here (a test's root): the class the call looks in keeps the pointer
        }
    }

    /**
     * The edit the tests need, said as the first they need: javac names the classes the tests miss
     * before their methods, so an earlier edit that adds a method (step 5's edits 1 to 3, before
     * Member.java) may still be to make. The guide's first edit needs no such word.
     */
    private String withTheEditsBeforeIt(String needed, TestRun.Result tests, StepLessons step) {
        List<String> headings = guides.headings(step.guide());
        int index = Guides.editIndex(headings, needed);
        if (needed == null || index == Integer.MAX_VALUE || headings.get(index).startsWith("### 1.")) {
            return needed;
        }
        List<String> notMade = editsNotMadeBefore(needed, step);
        // The tests name what a later edit adds (javac stops at the first class they miss): an edit before it that is
        // not made yet comes first, in the guide's order (step 5's tests miss Member, edits 2 and 3 not made yet).
        if (!notMade.isEmpty()) {
            return theFirstNotMade(notMade, needed + "'s, the first edit the tests need", step);
        }
        return "workshop/" + step.guide() + ", the edit of " + needed + " (the first edit the tests need"
                + memberTheTestsMiss(needed, tests, step).map(member -> ": they use its " + member + ", which your " + needed
                        + " does not have, not typed yet or named otherwise").orElse("")
                + "; make any edit the guide has before it too)";
    }

    /**
     * The method or field of {@code needed}'s class that the next test compile error looks for, when
     * the working copy has that class: the edit is made, and a name in it is misspelt ("reed") or
     * left out, which "make the edit" alone would not tell.
     */
    private Optional<String> memberTheTestsMiss(String needed, TestRun.Result tests, StepLessons step) {
        Optional<String> error = nextTestCompileError(tests, step);
        Matcher member = error.map(MISSING_MEMBER::matcher).filter(Matcher::find).orElse(null);
        Matcher in = error.map(LOOKED_UP_IN::matcher).filter(Matcher::find).orElse(null);
        if (member == null || in == null || !(in.group(1) + ".java").equals(needed) || !inTheCode(needed)) {
            return Optional.empty();
        }
        return Optional.of(member.group(1));
    }

    /**
     * Where the lessons start when the code does not compile: the edit the first error needs, unless it is not made
     * yet and an edit the guide has before it is not either; then that one, in the guide's order (step 6 with
     * Dependencies.java typed first: javac misses StreamCacher, and serverless.yml and AccountCache.java come before
     * it). The last line still explains the error by the edit it needs.
     */
    String whereToStart(TestRun.Result tests, StepLessons step) {
        String broken = brokenFile(tests, step);
        if (tests.outcome() != TestRun.Outcome.CODE_DOES_NOT_COMPILE || broken == null || broken.startsWith("workshop/")
                || !guides.hasAnEditOf(step.guide(), broken) || madeInTheWorkingCopy(broken, step)) {
            return broken;
        }
        List<String> notMade = new ArrayList<>(editsNotMadeBefore(broken, step));
        notMade.removeIf(file -> elsewhereInTheWorkingCopy(file, step).isPresent());
        return notMade.isEmpty() ? broken : theFirstNotMade(notMade, broken + "'s, which the compile errors need", step);
    }

    private String theFirstNotMade(List<String> notMade, String before, StepLessons step) {
        String state = madeInPart(notMade.get(0), step).map(lacks -> "made in part: it lacks " + lacks).orElse("not made yet");
        List<String> next = notMade.subList(1, notMade.size());
        String then = next.isEmpty() ? "; the guide has it before "
                : "; then the edit" + (next.size() == 1 ? " of " : "s of ") + inWords(next, step) + ", also still to make; the guide has "
                        + (next.size() == 1 ? "both" : "them all") + " before ";
        return "workshop/" + step.guide() + ", the edit of " + notMade.get(0) + " (" + state + then + before + ")";
    }

    /**
     * What a serverless.yml, pom.xml or class that the attendee began to edit still lacks of the step's edit
     * ("functions.activityConsumer and resources.Outputs"; "the shade plugin's <filter> for io.grpc:grpc-netty-shaded";
     * "the methods replaceWithNotFound and remove"): step 7's first lines typed, its function and resources not yet;
     * step 2's dependencies, not its filter; step 6's AccountCache.java with its first new method only. Empty when
     * the edit is not begun, or made whole, or creates the file.
     */
    private Optional<String> madeInPart(String fileName, StepLessons step) {
        try {
            Optional<Stages.Stage> now = stage(step.number());
            Optional<Stages.Stage> before = stage(step.number() - 1);
            boolean parted = fileName.equals("serverless.yml") || fileName.equals("pom.xml") || fileName.endsWith(".java");
            if (!parted || now.isEmpty() || before.isEmpty() || !madeInTheWorkingCopy(fileName, step)) {
                return Optional.empty();
            }
            if (fileName.endsWith(".java")) {
                return methodsNotMadeYet(fileName, now.get(), before.get());
            }
            Path yours = guides.root().resolve(fileName);
            Path theirs = now.get().dir().resolve(fileName);
            Path theirsBefore = before.get().dir().resolve(fileName);
            List<String> lacks = fileName.equals("pom.xml") ? PomParts.missing(yours, theirs, theirsBefore)
                    : SkippedServerlessYmlParts.missing(yours, theirs, theirsBefore);
            return lacks.isEmpty() ? Optional.empty() : Optional.of(SkippedServerlessYmlParts.inWords(lacks));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The methods (not private) that the step's edit adds to a class the step before had, and the
     * working copy's class does not declare yet: "the method cacheClient", "the methods
     * replaceWithNotFound and remove". Empty for a class the edit creates.
     */
    private Optional<String> methodsNotMadeYet(String fileName, Stages.Stage now, Stages.Stage before) throws IOException {
        Optional<Path> theirs = javaFileNamed(now.dir(), fileName);
        Optional<Path> yours = javaFileNamed(guides.root(), fileName);
        Optional<Path> theirsBefore = theirs.map(path -> before.dir().resolve(now.dir().relativize(path)));
        if (theirs.isEmpty() || yours.isEmpty() || !Files.isRegularFile(theirsBefore.get())) {
            return Optional.empty();
        }
        Set<String> missing = new LinkedHashSet<>(JavaSource.callableMethods(Files.readString(theirs.get())));
        missing.removeAll(JavaSource.callableMethods(Files.readString(theirsBefore.get())));
        missing.removeAll(JavaSource.callableMethods(Files.readString(yours.get())));
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("the method" + (missing.size() == 1 ? " " : "s ") + inWords(List.copyOf(missing)));
    }

    /** The files in words, one made in part said so: "serverless.yml (only in part) and AccountCache.java". */
    private String inWords(List<String> files, StepLessons step) {
        return inWords(files.stream().map(file -> madeInPart(file, step).isPresent() ? file + " (only in part)" : file).toList());
    }

    /** The files of the guide's numbered edits before {@code file}'s that the working copy still has as the step before left them. */
    private List<String> editsNotMadeBefore(String file, StepLessons step) {
        List<String> headings = guides.headings(step.guide());
        int index = Guides.editIndex(headings, file);
        List<String> notMade = new ArrayList<>();
        for (int i = 0; file != null && index != Integer.MAX_VALUE && i < index; i++) {
            Matcher edit = NUMBERED_EDIT.matcher(headings.get(i));
            if (edit.find() && (!madeInTheWorkingCopy(edit.group(1), step) || madeInPart(edit.group(1), step).isPresent())) {
                notMade.add(edit.group(1));
            }
        }
        return notMade;
    }

    /**
     * "; not made yet either: pom.xml", when javac's first error is in a later edit's file and an
     * earlier edit it needs is still to make: its errors come later in javac's list, or not at all.
     */
    private String earlierEditsNotMade(String fixedIn, StepLessons step) {
        List<String> notMade = new ArrayList<>(editsNotMadeBefore(fixedIn, step));
        List<String> elsewhere = notMade.stream().map(file -> elsewhereInTheWorkingCopy(file, step)).flatMap(Optional::stream).toList();
        notMade.removeIf(file -> elsewhereInTheWorkingCopy(file, step).isPresent());
        return (notMade.isEmpty() ? "" : "; not made yet either, and before it in the guide: " + inWords(notMade, step))
                + elsewhere.stream().map(said -> "; " + said).collect(java.util.stream.Collectors.joining());
    }

    /**
     * "; the errors after it need the edit of AccountCache.java too": the classes that javac's later errors look in
     * or miss, where the guide's edit of them is not made yet (step 5 with AccountService.java typed before edits 2
     * and 3: findMembers in AccountRepository first, readAll in AccountCache after it). The edits before the first
     * error's are said already.
     */
    private String laterErrorsNeed(TestRun.Result tests, String fixedIn, StepLessons step) {
        Set<String> needed = new LinkedHashSet<>();
        tests.errors().stream().filter(error -> error.startsWith("src/main/")).skip(1).forEach(error -> {
            Matcher lookedIn = LOOKED_UP_IN.matcher(error);
            Matcher missing = MISSING_CLASS.matcher(error);
            String file = lookedIn.find() ? lookedIn.group(1) + ".java" : missing.find() ? missing.group(1) + ".java" : null;
            if (file != null && !file.equals(fixedIn) && guides.hasAnEditOf(step.guide(), file) && !madeInTheWorkingCopy(file, step)) {
                needed.add(file);
            }
        });
        needed.removeAll(editsNotMadeBefore(fixedIn, step));
        return needed.isEmpty() ? "" : "; the errors after it need the edit" + (needed.size() == 1 ? "" : "s") + " of "
                + inWords(List.copyOf(needed)) + " too";
    }

    /**
     * "MomentoApiKey.java is at src/main/java/com/example/accounts/service/MomentoApiKey.java, not where ...",
     * when the working copy has a class the guide creates in another package's folder (an IDE's "new class"
     * in the package that was selected): javac then reports it missing where it is used, as if never made.
     */
    private Optional<String> elsewhereInTheWorkingCopy(String fileName, StepLessons step) {
        try {
            Optional<Stages.Stage> finished = stage(step.number());
            if (!fileName.endsWith(".java") || finished.isEmpty()) {
                return Optional.empty();
            }
            Path stageDir = finished.get().dir();
            Optional<Path> theGuides = javaFileNamed(stageDir, fileName).map(stageDir::relativize);
            Optional<Path> yours = javaFileNamed(guides.root(), fileName).map(guides.root()::relativize);
            if (theGuides.isEmpty() || yours.isEmpty() || yours.equals(theGuides)
                    || Files.isRegularFile(guides.root().resolve(theGuides.get()))) { // there too: a copy, not a misplaced file
                return Optional.empty();
            }
            Path folder = theGuides.get().getParent();
            String pkg = Path.of("src/main/java").relativize(folder).toString().replace('\\', '/').replace('/', '.');
            return Optional.of(fileName + " is at " + slashed(yours.get()) + ", not where the guide creates it, in "
                    + slashed(folder) + "/: move it there, its package line naming " + pkg);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String slashed(Path path) {
        return path.toString().replace('\\', '/');
    }

    /** The stage (solutions/step-N-*) of that number; empty where there is none (a test's root has no solutions). */
    private Optional<Stages.Stage> stage(int number) {
        return new Stages(guides.root()).numbered(number);
    }

    /** The first file of that name under {@code directory}'s src/main/java, in any package. */
    static Optional<Path> javaFileNamed(Path directory, String fileName) throws IOException {
        try (Stream<Path> files = Files.walk(directory.resolve("src/main/java"))) {
            return files.filter(path -> path.getFileName().toString().equals(fileName)).findFirst();
        }
    }

    /** Both files exist with the same code, comments and layout aside. */
    private static boolean sameCode(Path a, Path b) throws IOException {
        return Files.isRegularFile(a) && Files.isRegularFile(b)
                && JavaSource.code(Files.readString(a)).equals(JavaSource.code(Files.readString(b)));
    }

    /** "a", "a and b", "a, b and c". */
    private static String inWords(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /**
     * Whether the working copy's {@code fileName} differs in code from the step before's (a Java
     * file by its code, comments and layout aside), or is there where the step before had none:
     * the guide's edit of it is made, at least in part. True where it cannot tell (no solutions).
     */
    private boolean madeInTheWorkingCopy(String fileName, StepLessons step) {
        try {
            Optional<Stages.Stage> finished = stage(step.number());
            Optional<Stages.Stage> before = stage(step.number() - 1);
            if (finished.isEmpty() || before.isEmpty()) {
                return true;
            }
            // pom.xml and serverless.yml at the root, a class under src/main/java (not the build's output beside it)
            Optional<Path> relative = Optional.of(Path.of(fileName))
                    .filter(file -> Files.isRegularFile(finished.get().dir().resolve(file)));
            if (relative.isEmpty() && fileName.endsWith(".java")) {
                relative = javaFileNamed(finished.get().dir(), fileName).map(path -> finished.get().dir().relativize(path));
            }
            if (relative.isEmpty()) {
                return true;
            }
            Path yours = guides.root().resolve(relative.get());
            Path theirs = before.get().dir().resolve(relative.get());
            if (!Files.isRegularFile(yours)) {
                return false;
            }
            if (!Files.isRegularFile(theirs)) {
                return true;
            }
            return fileName.endsWith(".java") ? !sameCode(yours, theirs) : !Trees.sameFile(yours, theirs);
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /**
     * The step's tests do not compile because they use what an edit of the guide adds: a class it
     * creates ("symbol: class ListMembersHandler") or a member of a class it edits ("symbol: method
     * readAll(...), in AccountCache"). That edit's file, from the first such error; null when the
     * first error names nothing the guide edits (each lesson keeps its own pointer, a to-do list).
     */
    private String missingFromTheTests(TestRun.Result tests, StepLessons step) {
        List<String> headings = guides.headings(step.guide());
        Optional<String> next = nextTestCompileError(tests, step);
        // A library's package ("package momento.sdk does not exist", right after step 2's start): its dependency is the edit.
        if (next.filter(error -> MISSING_LIBRARY.matcher(error).find()).isPresent()
                && Guides.editIndex(headings, "pom.xml") < Integer.MAX_VALUE) {
            return "pom.xml";
        }
        return next.map(BuildFindings::fileNamedBy).filter(file -> Guides.editIndex(headings, file) < Integer.MAX_VALUE).orElse(null);
    }

    /**
     * A class the step's tests use that an earlier step's guide creates, and that the working copy
     * has nowhere: step 3's CacheKeys, left out by an attendee who built the keys another way (step
     * 3's tests never name it; step 4's do). "workshop/03-read-aside.md, the edit of CacheKeys.java:
     * ...", or empty when the class is there (an import missing) or no earlier guide edits it.
     */
    private Optional<String> anEarlierStepsClass(TestRun.Result tests, StepLessons step) {
        Matcher missing = nextTestCompileError(tests, step).map(MISSING_CLASS::matcher).filter(Matcher::find).orElse(null);
        String file = missing == null ? null : missing.group(1) + ".java";
        if (file == null || inTheCode(file)) {
            return Optional.empty();
        }
        for (int number = 1; number < step.number(); number++) { // the first guide that edits it is the one that creates it
            Optional<StepLessons> earlier = Curriculum.step(number);
            if (earlier.isPresent() && guides.hasAnEditOf(earlier.get().guide(), file)) {
                return Optional.of("workshop/" + earlier.get().guide() + ", the edit of " + file + ": step " + step.number()
                        + "'s tests use that class as that guide has it, and your code has no " + missing.group(1));
            }
        }
        return Optional.empty();
    }

    /**
     * Of the errors that keep the step's tests from compiling, the one whose missing part the guide's
     * edits add first: the next edit, in the guide's order (javac reports the tests' files in its own
     * order, and step 5's first error names the class of its last edit). The first error when none
     * names a file the guide edits.
     */
    Optional<String> nextTestCompileError(TestRun.Result tests, StepLessons step) {
        if (tests.outcome() != TestRun.Outcome.TESTS_DO_NOT_COMPILE || tests.errors().isEmpty()) {
            return Optional.empty();
        }
        List<String> headings = guides.headings(step.guide()); // read once, not per error
        // An error in a test of the attendee's own may go away with the step's edits; the step's tests say which edit.
        List<String> errors = tests.errors().stream().filter(error -> !inYourOwnTest(error, step)).toList();
        if (errors.isEmpty()) {
            errors = tests.errors();
        }
        String first = errors.get(0);
        return errors.stream().filter(error -> Guides.editIndex(headings, fileNamedBy(error)) < Integer.MAX_VALUE)
                .min(Comparator.comparingInt(error -> Guides.editIndex(headings, fileNamedBy(error))))
                .or(() -> Optional.of(first));
    }

    /**
     * "your own test src/test/java/.../MyCacheTest.java does not compile ...", when every compile
     * error is in tests of the attendee's own (no step so far has them): the step's tests would
     * compile, so no edit of the guide is what is missing, and no test runs until that file compiles.
     */
    Optional<String> yourOwnTestThatDoesNotCompile(TestRun.Result tests, StepLessons step) {
        if (tests.outcome() != TestRun.Outcome.TESTS_DO_NOT_COMPILE || tests.errors().isEmpty()
                || !tests.errors().stream().allMatch(error -> inYourOwnTest(error, step))) {
            return Optional.empty();
        }
        Matcher file = TEST_FILE.matcher(tests.errors().get(0));
        return file.find() ? Optional.of("your own test src/test/" + file.group(1) + " does not compile (no step so far has"
                + " it), and no test runs until it does: fix it, or move it out of src/test for now") : Optional.empty();
    }

    /** Whether a compile error is in a test file that no step up to this one has; false when the steps cannot be read. */
    private boolean inYourOwnTest(String error, StepLessons step) {
        Matcher file = TEST_FILE.matcher(error);
        try {
            return file.find() && stage(step.number()).isPresent()
                    && new Stages(guides.root()).isOwnTest(file.group(1), step.number());
        } catch (UncheckedIOException e) {
            return false;
        }
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
    static String unitTestedFile(TestRun.Result tests, Lesson lesson) {
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
        if (testedClasses.size() == 2 && testedClasses.containsAll(List.of("StreamCacherTest", "AccountCacheTest"))) {
            // StreamCacher's tests run on the real AccountCache, whose own failing test names it (step 6's
            // replaceWithNotFound that never throws failed StreamCacherTest too, and the line named StreamCacher).
            // Not AccountServiceTest's: the service has logic of its own, and both may be wrong.
            testedClasses = List.of("AccountCacheTest");
        }
        if (testedClasses.size() != 1 || !testedClasses.get(0).endsWith("Test")) {
            return null;
        }
        String tested = testedClasses.get(0);
        return tested.substring(0, tested.length() - "Test".length()) + ".java";
    }

    /**
     * Failures of tests that no lesson names: something that worked before is broken. While the tests do not compile,
     * {@code next} (the error whose edit the guide has first) leads when javac lists it after the ones shown: the line's
     * pointer names its edit (step 2 with only pom.xml made: ClientsTest's errors first, MomentoApiKey's edit first).
     */
    static List<String> unclaimedFailures(TestRun.Result tests, List<String> claimed, Optional<String> next) {
        if (tests.outcome() != TestRun.Outcome.TESTS_RAN) {
            List<String> problems = new ArrayList<>();
            String what = tests.outcome() == TestRun.Outcome.CODE_DOES_NOT_COMPILE ? "your code does not compile"
                    : tests.outcome() == TestRun.Outcome.BUILD_FAILED ? "the build failed" : "the tests do not compile yet";
            int errors = tests.errors().size();
            boolean nextLeads = next.isPresent() && tests.errors().indexOf(next.get()) >= ERRORS_SHOWN;
            List<String> shown = nextLeads
                    ? Stream.concat(next.stream(), tests.errors().stream().limit(ERRORS_SHOWN - 1)).toList()
                    : tests.errors().stream().limit(ERRORS_SHOWN).toList();
            // The header counts them: the checklist shows a few lines per lesson, and one error often causes the next.
            problems.add(what + (errors <= ERRORS_SHOWN ? ":" : nextLeads
                    ? " (" + errors + " errors, " + ERRORS_SHOWN + " here: first the one the pointer below is about, then javac's first "
                            + (ERRORS_SHOWN - 1) + "; all in target/workshop-check/maven.log):"
                    : " (" + errors + " errors, the first " + ERRORS_SHOWN + " here, all in target/workshop-check/maven.log):"));
            shown.stream().map(error -> "  " + error).forEach(problems::add);
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
