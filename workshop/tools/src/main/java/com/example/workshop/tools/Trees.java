package com.example.workshop.tools;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Copying, deleting and comparing the files of a stage (build output aside). */
public final class Trees {
    private Trees() {
    }

    /** Makes {@code root/entry} an exact copy of {@code stage/entry}. */
    static void replace(Path root, Path stage, String entry) throws IOException {
        Path target = root.resolve(entry);
        deleteRecursively(target);
        copyRecursively(stage.resolve(entry), target);
    }

    /** True when both hold the same files with the same text (line endings aside, for Windows checkouts). */
    static boolean same(Path a, Path b) throws IOException {
        return differing(a, b).isEmpty();
    }

    /** True when both files exist with the same text (line endings aside). */
    public static boolean sameFile(Path a, Path b) throws IOException {
        return Files.isRegularFile(a) && Files.isRegularFile(b) && text(a).equals(text(b));
    }

    /** The files (relative, with '/') that only one of the two holds, or that both hold with another text. */
    static List<String> differing(Path a, Path b) throws IOException {
        Set<String> all = new TreeSet<>(files(a));
        all.addAll(files(b));
        List<String> differing = new ArrayList<>();
        for (String file : all) {
            Path inA = a.resolve(file);
            Path inB = b.resolve(file);
            if (!Files.isRegularFile(inA) || !Files.isRegularFile(inB) || !text(inA).equals(text(inB))) {
                differing.add(file.replace('\\', '/'));
            }
        }
        return differing;
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void copyRecursively(Path from, Path to) throws IOException {
        copyRecursively(from, to, relative -> true, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Copies what {@code include} accepts (given the path relative to {@code from}), with those copy options. */
    static void copyRecursively(Path from, Path to, Predicate<String> include, CopyOption... options) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.filter(path -> include.test(from.relativize(path).toString().replace('\\', '/'))).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, options);
                }
            }
        }
    }

    /**
     * A file that the operating system or an editor writes beside the attendee's (macOS's Finder
     * writes .DS_Store into every folder it shows), which .gitignore leaves out too: never part of
     * a step, so never a difference.
     */
    public static boolean isClutter(Path file) {
        String name = file.getFileName().toString();
        return CLUTTER.contains(name) || name.startsWith("._") || name.endsWith("~") || name.endsWith(".swp")
                || name.endsWith(".swo") || name.startsWith(".#") || name.startsWith("#") && name.endsWith("#");
    }

    /**
     * Finder's folder settings, Windows Explorer's thumbnails and folder settings; by pattern above,
     * the Finder's resource forks (._*), vim's swap files, emacs's backups, locks (.#*) and autosaves (#*#).
     */
    private static final Set<String> CLUTTER = Set.of(".DS_Store", "Thumbs.db", "desktop.ini");

    /**
     * Copies {@code from} (a file or a folder) to {@code to}: its folders and files, as {@link #files}
     * sees them (a link as what it points to), without {@linkplain #isClutter clutter} or a link that
     * points nowhere (an editor's lock); nothing if it does not exist.
     */
    static void copyWithoutClutter(Path from, Path to) throws IOException {
        if (Files.exists(from)) {
            copyRecursively(from, to, relative -> {
                Path path = from.resolve(relative);
                return !isClutter(Path.of(relative)) && (Files.isDirectory(path) || Files.isRegularFile(path));
            }, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Set<String> files(Path directory) throws IOException {
        Set<String> files = new TreeSet<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> walk = Files.walk(directory)) {
                walk.filter(Files::isRegularFile).filter(file -> !isClutter(file))
                        .forEach(file -> files.add(directory.relativize(file).toString()));
            }
        }
        return files;
    }

    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
