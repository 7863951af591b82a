package com.example.workshop.tools;

import static com.example.workshop.tools.StageCommand.tool;

import com.example.workshop.tools.check.Lesson;
import com.example.workshop.tools.check.LessonResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Files of the working copy that are a later step's finished files, copied from solutions/ of another step: step 4's
 * AccountService.java at step 3 calls a method that step 3's code has not, and the compile error alone would send the
 * attendee to step 3's edit of the class it looks in; step 5's serverless.yml at step 3 names a handler no code has.
 */
final class LaterStepsFiles {
    private LaterStepsFiles() {
    }

    /** The working copy's files (by path, with the later step) that are, line for line, a later step's, not this step's. */
    static Map<String, Stages.Stage> in(Stages stages, Stages.Stage stage) throws IOException {
        Map<String, Stages.Stage> copied = new LinkedHashMap<>();
        for (String file : yourCode(stages.root())) {
            Path yours = stages.root().resolve(file);
            if (Trees.sameFile(yours, stage.dir().resolve(file))) {
                continue;
            }
            stages.all().stream().filter(later -> later.number() > stage.number())
                    .filter(later -> sameFile(yours, later.dir().resolve(file))).findFirst()
                    .ifPresent(later -> copied.put(file, later));
        }
        return copied;
    }

    /** What to say before the build, if there are any. */
    static Optional<String> note(Map<String, Stages.Stage> copied, Stages.Stage stage) {
        if (copied.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Note: " + (copied.size() == 1 ? "this file is" : "these files are") + " as a later step's finished"
                + " code has it, not as " + stage.name() + "'s: " + String.join(", ", copied.entrySet().stream()
                        .map(file -> fileName(file.getKey()) + " (" + file.getValue().name() + "'s)").toList())
                + ". Copied from solutions/? Each step's finished files are in solutions/<step>/: for this step, those of"
                + " solutions/" + stage.name() + "/ (" + tool("diff " + stage.branch()) + " shows the difference).");
    }

    /**
     * The lines that point at this step's edit of a file that is a later step's (the edit of AccountCache.java, while
     * AccountCache.java is step 4's), and all of them when a later step's file does not compile (it calls what only
     * that step adds, and the pointer would name this step's edit of the class it looks in, which lacks it): they name
     * the copied file and the way back to this step's instead.
     */
    static List<LessonResult> pointedAt(Map<String, Stages.Stage> copied, Stages.Stage stage, List<LessonResult> results) {
        Optional<String> notCompiling = copied.keySet().stream().filter(file -> results.stream().flatMap(result -> result.problems()
                .stream()).anyMatch(problem -> problem.strip().startsWith(file + ":"))).findFirst(); // "  src/main/...:29: cannot find symbol"
        return results.stream().map(result -> {
            String hint = result.lesson().hint(); // "workshop/03-...md, the edit of X.java", or "X.java" (the checklist adds the rest)
            if (result.done() || !hint.startsWith("workshop/") && hint.contains(" ")) {
                return result;
            }
            return notCompiling.or(() -> copied.keySet().stream()
                    .filter(file -> hint.equals(fileName(file)) || hint.contains("the edit of " + fileName(file))).findFirst())
                    .map(file -> new LessonResult(Lesson.of(result.lesson().title(), fileName(file) + " is "
                            + copied.get(file).name() + "'s (the note above): take solutions/" + stage.name() + "/" + file
                            + " instead, or make " + stage.branch() + "'s edit of it from the guide", result.lesson().tests(),
                            result.lesson().probe()), result.problems()))
                    .orElse(result);
        }).toList();
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** pom.xml, serverless.yml and every file under src/main, relative to the root. */
    private static List<String> yourCode(Path root) throws IOException {
        List<String> files = new ArrayList<>(List.of("pom.xml", "serverless.yml"));
        Path main = root.resolve("src/main");
        if (Files.isDirectory(main)) {
            try (Stream<Path> tree = Files.walk(main)) {
                tree.filter(Files::isRegularFile).filter(file -> !Trees.isClutter(file)).sorted()
                        .forEach(file -> files.add(root.relativize(file).toString().replace('\\', '/')));
            }
        }
        return files;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Trees.sameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
