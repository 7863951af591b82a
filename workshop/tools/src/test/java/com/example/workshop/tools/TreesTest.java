package com.example.workshop.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreesTest {
    @TempDir
    Path a;
    @TempDir
    Path b;

    @Test
    void theFilesThatDifferAreNamedLineEndingsAside() throws Exception {
        write(a, "x/Same.java", "class Same {}\n");
        write(b, "x/Same.java", "class Same {}\r\n");
        write(a, "x/Changed.java", "assertThat(reads).hasValue(1);\n");
        write(b, "x/Changed.java", "assertThat(reads).hasValue(2);\n");
        write(a, "x/OnlyHere.java", "class OnlyHere {}\n");

        assertThat(Trees.differing(a, b)).containsExactly("x/Changed.java", "x/OnlyHere.java");
        assertThat(Trees.same(a, b)).isFalse();
        Files.delete(a.resolve("x/OnlyHere.java"));
        Files.writeString(a.resolve("x/Changed.java"), "assertThat(reads).hasValue(2);\n");
        assertThat(Trees.same(a, b)).isTrue();
    }

    /** macOS's Finder writes .DS_Store into every folder it shows; git ignores it, and so must every comparison. */
    @Test
    void theFilesAnOperatingSystemOrEditorWritesBesideTheCodeAreNoDifference() throws Exception {
        write(a, "x/Same.java", "class Same {}\n");
        write(b, "x/Same.java", "class Same {}\n");
        for (String clutter : new String[] {"x/.DS_Store", "x/._Same.java", "x/Same.java~", "x/.Same.java.swp", "Thumbs.db", "desktop.ini"}) {
            write(a, clutter, "\0\0\1Bud1");
        }
        write(b, ".DS_Store", "\0\0\1Bud1 other");

        assertThat(Trees.differing(a, b)).isEmpty();
        write(a, "x/DS_Store.java", "class DS_Store {}\n");
        assertThat(Trees.differing(a, b)).containsExactly("x/DS_Store.java");
    }

    private static void write(Path root, String file, String text) throws Exception {
        Files.createDirectories(root.resolve(file).getParent());
        Files.writeString(root.resolve(file), text);
    }
}
