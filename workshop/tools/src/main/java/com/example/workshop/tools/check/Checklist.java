package com.example.workshop.tools.check;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prints a step's lessons, one line each, ✔ or ✘, with what was seen and where the guide teaches it. */
public final class Checklist {
    private static final int MAX_PROBLEMS_SHOWN = 4;
    static final String SAME_AS_ABOVE = "as above: the same problems, and the same edit to make";
    /** A problem of several lines (the local cloud's reason for not starting) stays indented under its lesson. */
    private static final String CONTINUED = java.util.regex.Matcher.quoteReplacement(System.lineSeparator() + "      ");

    /** "the edit of AccountCache.java" in a pointer: the file whose numbered edit in the guide it names. */
    /** "AccountCacheTest.aSlowReaderDoesNotOverwriteAConcurrentWrite fails: ...": a unit test of AccountCache.java fails. */
    private static final Pattern FAILING_UNIT_TEST = Pattern.compile("^(\\w+)Test\\.(\\w+) fails");
    private static final Pattern EDIT_NAMED = Pattern.compile("^workshop/[\\w.-]+, the edit of ([\\w.-]+?)(?=$|[ :;,(])");

    private final String done;
    private final String notDone;
    private final Guides guides; // null: the last line follows the lessons' order alone

    private Checklist(String done, String notDone, Guides guides) {
        this.done = done;
        this.notDone = notDone;
        this.guides = guides;
    }

    private Checklist(String done, String notDone) {
        this(done, notDone, null);
    }

    /**
     * The same checklist, whose last line starts with the ✘ line whose edit the guide under {@code root} makes first,
     * where that is not the first ✘ line (step 4 with AccountCache.java's write made and its fill not: AccountService.java
     * leads the lessons, and the guide has AccountCache.java's edit before it).
     */
    public Checklist inTheGuidesOrder(Path root) {
        return new Checklist(done, notDone, new Guides(root));
    }

    /**
     * ✔ and ✘ where the console can show them (a Windows code page, or Linux's POSIX locale, may not),
     * else [ok] and [todo]: words, which a screen reader speaks, where "[ ]" would be silence.
     */
    public static Checklist forConsole() {
        return forCharset(stdoutCharset());
    }

    static Checklist forCharset(Charset console) {
        return console.newEncoder().canEncode("✔✘") ? new Checklist("✔", "✘") : new Checklist("[ok]", "[todo]");
    }

    /**
     * The charset System.out writes in: on Windows the console's code page (stdout.encoding from JDK 19,
     * sun.stdout.encoding before), which is not the default charset (UTF-8 from JDK 18).
     */
    public static Charset stdoutCharset() {
        for (String property : List.of("stdout.encoding", "sun.stdout.encoding")) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }

    /** The mark of a passed check ({@code true}) or a failed one, as this checklist prints it. */
    public String mark(boolean passed) {
        return passed ? done : notDone;
    }

    public static Checklist plain() {
        return new Checklist("✔", "✘");
    }

    public void print(StepLessons step, List<LessonResult> results, PrintWriter out) {
        print(step, results, List.of(), out);
    }

    /** The same, then what the local cloud noted (accepted, but not what the guide teaches), before the verdict. */
    public void print(StepLessons step, List<LessonResult> results, List<String> notes, PrintWriter out) {
        out.printf("%nStep %d: %s%n%n", step.number(), step.title());
        List<List<String>> saidAbove = new ArrayList<>(); // the problems of each lesson printed in full, then its pointer
        for (LessonResult result : results) {
            out.printf("  %s %s%n", result.done() ? done : notDone, result.lesson().title());
            if (!result.done()) {
                List<String> said = new ArrayList<>(result.problems());
                boolean onlyWaits = said.remove(StepCheck.WAITS_FOR_THE_TESTS) && said.isEmpty();
                said.add(hint(step, result.lesson()));
                if (saidAbove.stream().anyMatch(above -> said.equals(above) || onlyWaits && samePointer(said, above))) {
                    // While the step's tests do not compile, every lesson waits for the same edit: say it once.
                    out.printf("      %s%n", SAME_AS_ABOVE);
                    continue;
                }
                saidAbove.add(said);
                result.problems().stream().limit(MAX_PROBLEMS_SHOWN)
                        .forEach(problem -> out.printf("      %s%n", problem.strip().replaceAll("\\s*\\R\\s*", CONTINUED)));
                if (result.problems().size() > MAX_PROBLEMS_SHOWN) {
                    out.printf("      ... and %d more%n", result.problems().size() - MAX_PROBLEMS_SHOWN);
                }
                out.printf("      -> %s%n", hint(step, result.lesson()));
            }
        }
        long doneCount = results.stream().filter(LessonResult::done).count();
        if (!notes.isEmpty()) {
            // A note is no failure of its own, but a line above may point at it as the cause of its failure.
            boolean pointedAt = results.stream().anyMatch(result -> !result.done() && result.lesson().hint().startsWith(StepCheck.POINTS_AT_A_NOTE));
            out.printf("%nThe local cloud noted (%s; in target/workshop-check/local-cloud.log too):%n",
                    pointedAt ? "a " + notDone + " line above points here" : "not a failure");
            notes.forEach(note -> out.printf("  %s%s%n", note.matches("(functions|provider|resources)\\..*") ? "serverless.yml, " : "", note));
        }
        out.println();
        if (doneCount == results.size()) {
            out.printf("Step %d is done: %s.%s%n", step.number(), results.size() == 1 ? "its check passes" : "all " + results.size() + " checks pass", next(step));
        } else {
            // A lesson its tests prove passes without the local cloud: say so, or a ✔ reads as "the service runs".
            Optional<String> notTried = results.stream().flatMap(result -> result.problems().stream())
                    .filter(problem -> problem.startsWith("not tried: the local cloud")).findFirst();
            String why = notTried.filter(problem -> problem.contains(StepCheck.STOPPED_DURING_THE_CHECK)).isPresent()
                    ? " (the local cloud stopped before it tried them all)" : " (by their tests alone: the local cloud did not start)";
            out.printf("%d of %d checks pass%s. Step %d is not done yet.%n", doneCount, results.size(),
                    notTried.isPresent() && doneCount > 0 ? why : "", step.number());
            // The last line is where a reader who skips to the end (a screen reader, tail) looks for what to do.
            List<LessonResult> notDoneYet = results.stream().filter(result -> !result.done()).toList();
            Optional<OwnTestFailing> earlier = notDoneYet.isEmpty() ? Optional.empty() : earlierInTheGuide(step, notDoneYet);
            if (earlier.isPresent() && earlier.get().file().equals(editedFile(step, earlier.get().line()).orElse(null))) {
                out.printf("Start with the %s line \"%s\", whose edit the guide has first: %s%n", notDone,
                        earlier.get().line().lesson().title(), hint(step, earlier.get().line().lesson()));
            } else if (earlier.isPresent()) { // a line of several causes, whose pointer names another file
                out.printf("Start with workshop/%s, the edit of %s: its own test %s fails (under the %s line \"%s\"), and the"
                        + " guide has that edit first%n", step.guide(), earlier.get().file(), earlier.get().test(), notDone,
                        earlier.get().line().lesson().title());
            } else if (!notDoneYet.isEmpty()) {
                out.printf("Start with the first %s line: %s%n", notDone, hint(step, notDoneYet.get(0).lesson()));
            }
        }
        out.flush();
    }

    /**
     * The same pointer (each list's last line): enough for a lesson whose one problem is that it waits for the tests to
     * compile (one with no test of its own, tried only in the local cloud), as a lesson above says why they do not.
     */
    private static boolean samePointer(List<String> said, List<String> above) {
        return said.get(said.size() - 1).equals(above.get(above.size() - 1));
    }

    /** A failing unit test of {@code file} ("AccountRepositoryTest.theMemberListIsReadPageByPage"), listed under {@code line}. */
    private record OwnTestFailing(String file, String test, LessonResult line) { }

    /**
     * The failing unit test, under any line not done, of the file whose edit the guide has first, where that edit comes
     * before the one the first line points at: its edit is not finished (step 4's AccountCacheTest without the fill;
     * step 5's AccountRepositoryTest reading one page, listed under the handler's line with another slip's tests).
     * Empty when the first line's pointer names no edit (advice in words leads), or no such test fails. A unit test,
     * not another class's tests alone: a slip in a later edit may fail tests filed under an earlier edit's lesson (step
     * 7's handler that skips a failed record fails ActivityConsumerHandlerTest under ActivityRepository.java's lesson).
     */
    private Optional<OwnTestFailing> earlierInTheGuide(StepLessons step, List<LessonResult> notDoneYet) {
        if (guides == null) {
            return Optional.empty();
        }
        List<String> headings = guides.headings(step.guide());
        int first = editedFile(step, notDoneYet.get(0)).map(file -> Guides.numberedEditIndex(headings, file)).orElse(Integer.MAX_VALUE);
        if (first == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        List<OwnTestFailing> failing = new ArrayList<>();
        for (LessonResult line : notDoneYet) {
            for (String problem : line.problems()) {
                Matcher test = FAILING_UNIT_TEST.matcher(problem);
                if (test.find() && Guides.numberedEditIndex(headings, test.group(1) + ".java") < first) {
                    failing.add(new OwnTestFailing(test.group(1) + ".java", test.group(1) + "Test." + test.group(2), line));
                }
            }
        }
        // The earliest edit; of its tests, one under a line that points at it, if any, so that line leads.
        return failing.stream().min(Comparator.comparingInt((OwnTestFailing own) -> Guides.numberedEditIndex(headings, own.file()))
                .thenComparing(own -> !own.file().equals(editedFile(step, own.line()).orElse(null))));
    }

    private static Optional<String> editedFile(StepLessons step, LessonResult result) {
        Matcher edit = EDIT_NAMED.matcher(hint(step, result.lesson()));
        return edit.find() ? Optional.of(edit.group(1)) : Optional.empty();
    }

    /**
     * Where to look: the guide's edit of the lesson's file, or advice in words (the regressions line's,
     * or a local cloud that did not start).
     */
    static String hint(StepLessons step, Lesson lesson) {
        if (lesson.title().equals(StepLessons.REGRESSIONS) || lesson.hint().contains(" ")) {
            return lesson.hint();
        }
        return "workshop/" + step.guide() + ", the edit of " + lesson.hint();
    }

    private static String next(StepLessons step) {
        return com.example.workshop.tools.check.steps.Curriculum.step(step.number() + 1).isEmpty() ? ""
                : " Next: " + com.example.workshop.tools.Workshop.command("start step-" + (step.number() + 1));
    }
}
