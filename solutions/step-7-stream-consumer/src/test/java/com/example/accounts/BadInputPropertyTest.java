package com.example.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.example.accounts.handlers.AddMemberHandler;
import com.example.accounts.handlers.CreateOrganizationHandler;
import com.example.accounts.handlers.CreateUserHandler;
import com.example.accounts.handlers.GetMembershipHandler;
import com.example.accounts.handlers.GetOrganizationHandler;
import com.example.accounts.handlers.GetUserHandler;
import com.example.accounts.handlers.ListMembersHandler;
import com.example.accounts.repository.AccountRepository;
import com.example.accounts.service.AccountService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and adversarial requests at every handler, against DynamoDB Local: every answer is a
 * well-formed JSON response with a 2xx or 4xx status (never a 500), and a rejected request
 * writes nothing.
 */
class BadInputPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("username", "firstName", "lastName", "organizationName", "memberUsername", "role");
    private static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(20);
    private static String table;
    private static List<RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> handlers;

    @BeforeContainer
    static void aliceAndAcmeExist() {
        table = LocalDynamoDb.createAccountsTable();
        AccountService accounts = new AccountService(new AccountRepository(LocalDynamoDb.client(), table), TestCaches.inMemory());
        handlers = List.of(new CreateUserHandler(accounts), new GetUserHandler(accounts),
                new CreateOrganizationHandler(accounts), new GetOrganizationHandler(accounts),
                new AddMemberHandler(accounts), new GetMembershipHandler(accounts), new ListMembersHandler(accounts));
        ApiCall.invoke(handlers.get(0), Events.post("/users", "{\"username\":\"alice\",\"firstName\":\"A\",\"lastName\":\"L\"}"));
        ApiCall.invoke(handlers.get(2), Events.post("/organizations", "{\"organizationName\":\"acme\"}", "alice"));
    }

    @Property(tries = 400)
    void everyAnswerIsWellFormedAndNeverA500(@ForAll("handlerIndex") int handler, @ForAll("requests") APIGatewayProxyRequestEvent request)
            throws Exception {
        int itemsBefore = LocalDynamoDb.itemCount(table);

        // jqwik's properties have no timeout of their own: a handler that never answers (a loop that never ends)
        // fails here, named, instead of holding up the build.
        APIGatewayProxyResponseEvent response = assertTimeoutPreemptively(HANDLER_TIMEOUT,
                () -> handlers.get(handler).handleRequest(request, null),
                () -> handlers.get(handler).getClass().getSimpleName() + " still had no answer after " + HANDLER_TIMEOUT.toSeconds()
                        + " s: a loop that never ends?");

        assertThat(response.getStatusCode()).as("%s answered %s", handlers.get(handler).getClass().getSimpleName(),
                response.getBody()).isIn(200, 201, 400, 401, 403, 404, 409);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.isObject()).isTrue();
        if (response.getStatusCode() >= 400) {
            assertThat(body.path("error").asText()).isNotBlank();
            assertThat(LocalDynamoDb.itemCount(table)).as("a rejected request writes nothing").isEqualTo(itemsBefore);
        } else if (handlers.get(handler) instanceof ListMembersHandler) {
            assertThat(body.path("members").isArray()).isTrue();
        } else {
            assertThat(body.size()).isEqualTo(1);
        }
    }

    @Provide
    Arbitrary<Integer> handlerIndex() {
        return Arbitraries.integers().between(0, 6);
    }

    @Provide
    Arbitrary<APIGatewayProxyRequestEvent> requests() {
        Arbitrary<String> body = Arbitraries.oneOf(jsonObjects(), texts(), Arbitraries.of("", "null", "[]", "{}", "\"x\"", "{\"username\":", "\uFEFF{}"));
        Arbitrary<Map<String, String>> headers = Arbitraries.oneOf(
                Arbitraries.just(Map.<String, String>of()),
                Combinators.combine(Arbitraries.of("Authorization", "authorization", "AUTHORIZATION"), names())
                        .as((name, value) -> Map.of(name, value)));
        Arbitrary<Map<String, String>> pathParameters = Combinators.combine(names(), names(), Arbitraries.of(true, false))
                .as((organization, username, present) -> present ? Map.of("organization", organization, "username", username) : null);
        return Combinators.combine(body, headers, pathParameters, Arbitraries.of(false, false, true))
                .as((text, headerMap, path, base64) -> new APIGatewayProxyRequestEvent()
                        .withHttpMethod("POST")
                        .withPath("/fuzz")
                        .withBody(base64 && text != null ? Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) : text)
                        .withIsBase64Encoded(base64)
                        .withHeaders(headerMap)
                        .withPathParameters(path));
    }

    /** Names: mostly plausible, some adversarial (key prefixes, separators, unicode, control characters, huge). */
    private Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.of("alice", "bob", "acme", "Acme Corp", "acme-corp", "ACME"),
                Arbitraries.of("", " ", "USER#alice", "ORG#acme", "a#b", "../etc", "a/b", "%2F", "é", "\u0000", "alice\n", "x".repeat(10_000)),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(80));
    }

    private Arbitrary<String> texts() {
        return Arbitraries.strings().all().ofMaxLength(200);
    }

    private Arbitrary<String> jsonObjects() {
        Arbitrary<Object> value = Arbitraries.oneOf(names().map(v -> (Object) v), Arbitraries.of("Owner", "Admin", "Member", "owner", "Emperor"),
                Arbitraries.integers().map(v -> (Object) v), Arbitraries.of(true, false, List.of("a"), Map.of("k", "v")).map(v -> (Object) v),
                Arbitraries.just(null));
        Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(12));
        return Arbitraries.maps(field, value).ofMaxSize(7).map(map -> {
            try {
                return JSON.writeValueAsString(new HashMap<>(map));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
