package com.example.workshop.tools.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The functions of serverless.yml and the classes their handlers name. A function whose class the
 * code lacks (a later step's serverless.yml copied in, a handler mistyped) deploys, locally and on
 * AWS, and fails each call at its cold start: Lambda cannot load the class.
 */
public final class HandlerClasses {
    private HandlerClasses() {
    }

    /** Each function's handler, by function, in the file's order; empty when it cannot be read as YAML. */
    public static Map<String, String> of(Path serverlessYml) {
        return SkippedServerlessYmlParts.handlers(serverlessYml);
    }

    /** The functions of {@code root}'s serverless.yml whose handler's class has no source file in src/main/java. */
    public static Map<String, String> withoutASource(Path root) {
        Map<String, String> lacking = new LinkedHashMap<>();
        of(root.resolve("serverless.yml")).forEach((function, handler) -> {
            // "pkg.Handler::handleRequest" names a method too; a handler is a public class, so in a file of its own
            String className = handler.replaceFirst("::.*$", "").strip();
            if (!Files.isRegularFile(root.resolve("src/main/java").resolve(className.replace('.', '/') + ".java"))) {
                lacking.put(function, handler);
            }
        });
        return lacking;
    }
}
