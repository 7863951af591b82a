package com.example.workshop.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
        Trees.copyRecursively(from, to, relative -> !relative.matches("(.*/)?(target|results)(/.*)?"),
                StandardCopyOption.COPY_ATTRIBUTES);
    }
}
