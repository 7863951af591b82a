package com.example.workshop.tools.check.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.workshop.tools.check.LocalService;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where step 3's check points when the cache's TTL is not a minute. */
class Step3ReadAsideTest {
    @TempDir
    Path workingCopy;

    @Test
    void aTtlThatIsNotAMinuteIsTracedToClientsWhenItsConstantSaysSo() throws Exception {
        assertThat(Step3ReadAside.ttlGivenIn(service())).as("no Clients.java here").isEqualTo("Dependencies.java");

        clientsWith("    static final Duration CACHE_TTL = Duration.ofSeconds(60);");
        assertThat(Step3ReadAside.ttlGivenIn(service())).isEqualTo("Dependencies.java");
        clientsWith("    public static final Duration CACHE_TTL = Duration.ofMinutes(1);");
        assertThat(Step3ReadAside.ttlGivenIn(service())).isEqualTo("Dependencies.java");

        clientsWith("    static final Duration CACHE_TTL = Duration.ofMinutes(60);");
        assertThat(Step3ReadAside.ttlGivenIn(service())).startsWith("workshop/02-momento-client.md, the edit of Clients.java");
        clientsWith("    static final Duration CACHE_TTL = Duration.ofMillis(60);");
        assertThat(Step3ReadAside.ttlGivenIn(service())).startsWith("workshop/02-momento-client.md, the edit of Clients.java");
    }

    @Test
    void aReadThatNeverAskedTheCacheIsTracedToAccountServiceWhileItsFindMethodsReadNothingThroughIt() throws Exception {
        Path service = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts/service"))
                .resolve("AccountService.java");
        // Edit 3's constructor made, its find methods still step 2's: every probe of the step sees no cache call.
        Files.writeString(service, "class AccountService {\n    AccountService(AccountRepository repository, AccountCache cache) {}\n"
                + "    Optional<User> findUser(String username) {\n        return repository.findUser(username);\n    }\n}\n");
        assertThat(Step3ReadAside.whereReadsSkipTheCache(service())).isEqualTo("AccountService.java");

        Files.writeString(service, Files.readString(service).replace("repository.findUser(username)",
                "cache.read(CacheKeys.user(username), User.class, () -> repository.findUser(username))"));
        assertThat(Step3ReadAside.whereReadsSkipTheCache(service())).as("it reads through the cache: the lesson's own pointer")
                .isNull();

        // findUser undone to step 2's while the other find methods read through the cache: still AccountService.
        Files.writeString(service, "class AccountService {\n    Optional<User> findUser(String username) {\n"
                + "        return repository.findUser(username);\n    }\n    Optional<Organization> findOrganization(String name) {\n"
                + "        return cache.read(CacheKeys.organization(name), Organization.class, () -> repository.findOrganization(name));\n"
                + "    }\n}\n");
        assertThat(Step3ReadAside.whereReadsSkipTheCache(service())).isEqualTo("AccountService.java");
    }

    /** A user and an organization of one name in one key: CacheKeys' keys alike, or findOrganization using the user's. */
    @Test
    void sharedKeysAreTracedToCacheKeysWhenFindOrganizationUsesItsOwnKind() throws Exception {
        Path service = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts/service"))
                .resolve("AccountService.java");
        Files.writeString(service, "class AccountService {\n    Optional<Organization> findOrganization(String name) {\n"
                + "        return cache.read(CacheKeys.user(name), Organization.class, () -> repository.findOrganization(name));\n"
                + "    }\n}\n");
        assertThat(Step3ReadAside.whereKeysAreShared(service())).as("the lesson's own file: AccountService.java").isNull();

        Files.writeString(service, Files.readString(service).replace("CacheKeys.user(name)", "CacheKeys.organization(name)"));
        assertThat(Step3ReadAside.whereKeysAreShared(service())).isEqualTo("CacheKeys.java");
    }

    private void clientsWith(String declaration) throws Exception {
        Path file = Files.createDirectories(workingCopy.resolve("src/main/java/com/example/accounts")).resolve("Clients.java");
        Files.writeString(file, "package com.example.accounts;\n\nfinal class Clients {\n" + declaration + "\n}\n");
    }

    private LocalService service() {
        return new LocalService(URI.create("http://localhost:1"), List::of, workingCopy);
    }
}
