package com.example.workshop.tools.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Code told apart from comments and layout, and declarations read as javac lists their parameters. */
class JavaSourceTest {

    @Test
    void commentsAndLayoutAreNotCode() {
        String guides = """
                /** The guide's javadoc. */
                class Dependencies {
                    static AccountService service() {
                        return new AccountService(repository()); // one line
                    }
                }
                """;
        String typed = """
                // My own words.
                class Dependencies
                {
                    /* built once */
                    static AccountService service() { return new AccountService(repository()); }
                }
                """;

        assertThat(JavaSource.code(typed)).isEqualTo(JavaSource.code(guides));
        assertThat(JavaSource.code(typed.replace("repository()", "repository(), cache()")))
                .as("another call is other code").isNotEqualTo(JavaSource.code(guides));
    }

    @Test
    void literalsAreCodeEvenWithCommentMarksInThem() {
        String url = "String a = \"https://example.com/*x*/ y\"; char c = '\"'; String b = \"\"\"\n  // kept\n  \"\"\";";

        assertThat(JavaSource.code(url)).isEqualTo("Stringa=\"https://example.com/*x*/ y\";charc='\"';Stringb=\"\"\"\n  // kept\n  \"\"\";");
        assertThat(JavaSource.code("String s = \"a \\\" // b\"; // gone")).isEqualTo("Strings=\"a \\\" // b\";");
    }

    @Test
    void parameterTypesAreReadAsJavacListsThem() {
        String service = """
                public class AccountService {
                    /** Not this one: AccountService(String s) is in a comment. */
                    public AccountService(final AccountRepository repository, @Nullable com.example.cache.AccountCache cache) {
                    }
                    AccountService(Map<String, List<Item>> items, @Named("n") String... names) throws IOException {
                    }
                    AccountService() {
                    }
                    void call() {
                        new AccountService(repository, cache);
                    }
                }
                """;

        assertThat(JavaSource.parameterTypes(service, "AccountService"))
                .containsExactly("AccountRepository,AccountCache", "Map<String,List<Item>>,String[]", "no arguments");
        assertThat(JavaSource.requiredTypes(" com.example.accounts.repository.AccountRepository, AccountCache"))
                .isEqualTo("AccountRepository,AccountCache");
        assertThat(JavaSource.requiredTypes("no arguments")).isEqualTo("no arguments");
    }

    @Test
    void callableMethodsAreTheTypesOwnNotPrivateOnes() {
        String cache = """
                public final class AccountCache {
                    private static final Logger LOG = LoggerFactory.getLogger(AccountCache.class);
                    private final Supplier<CacheClient> client;

                    public AccountCache(Supplier<CacheClient> client) { this.client = client; }

                    @Override public String toString() { return "AccountCache {}"; }

                    /** Not replace(String key) { ... } in a comment. */
                    public <T> Optional<T> read(String key, Class<T> type) {
                        return decode(client.get().get("{", key), type); // a brace in a literal
                    }

                    void remove(String key)
                            throws IOException {
                        Runnable task = new Runnable() {
                            public void run() { }
                        };
                    }

                    private <T> Optional<T> decode(String json, Class<T> type) {
                        return Optional.empty();
                    }

                    static Map<String, List<String>> byKey() { return Map.of(); }

                    record Entry(String key) {
                        String shown() { return key; }
                    }
                }
                """;

        assertThat(JavaSource.callableMethods(cache)).containsExactly("toString", "read", "remove", "byKey");
    }
}
