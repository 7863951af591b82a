package com.example.workshop.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies part of the repository for a test, as a clone would have it: without build output. */
public final class SourceCopy {
    private SourceCopy() {
    }

    /**
     * Copies {@code from} (a file or a tree) to {@code to}, leaving out every {@code target} and
     * {@code results} directory, and keeping file times (a copied build's compiler record stays
     * valid). Nothing happens when {@code from} does not exist.
     */
    public static void withoutBuildOutput(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.filter(path -> !from.relativize(path).toString().replace('\\', '/').matches("(.*/)?(target|results)(/.*)?"))
                    .toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
