package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClosedClientTest {
    @TempDir
    Path workingCopy;

    private LocalService serviceWithAccountCache(String code) throws Exception {
        Path cache = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts/cache"));
        Files.writeString(cache.resolve("AccountCache.java"), code);
        return new LocalService(URI.create("http://127.0.0.1:9/"), List::of, workingCopy);
    }

    /** An IDE's offer taken: CacheClient is AutoCloseable, and the try closes the environment's one client. */
    @Test
    void aTryWithResourcesOnTheClientIsNamedWithItsFile() throws Exception {
        LocalService service = serviceWithAccountCache("class AccountCache {\n    Optional<T> read() {\n"
                + "        try (CacheClient client = client()) {\n            return get(client);\n        }\n    }\n}\n");

        assertThatThrownBy(() -> ClosedClient.neverClosed(service)).isInstanceOf(ProbeFailure.class)
                .hasMessageStartingWith("AccountCache.java closes the Momento client after using it (try (CacheClient ...))")
                .hasMessageContaining("each later call on it waits until the function times out")
                .satisfies(failure -> org.assertj.core.api.Assertions.assertThat(((ProbeFailure) failure).file())
                        .contains("AccountCache.java"));
    }

    @Test
    void theClientUsedWithoutATryOrOnlyInACommentPasses() throws Exception {
        LocalService service = serviceWithAccountCache("class AccountCache {\n    // not try (CacheClient client = ...): it closes it\n"
                + "    Optional<T> read() {\n        CacheClient client = client();\n        return get(client);\n    }\n}\n");

        assertThatCode(() -> ClosedClient.neverClosed(service)).doesNotThrowAnyException();
    }
}
