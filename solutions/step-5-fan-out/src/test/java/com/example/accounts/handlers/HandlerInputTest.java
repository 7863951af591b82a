package com.example.accounts.handlers;

import static com.example.accounts.ApiCall.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.example.accounts.ApiCall;
import com.example.accounts.Events;
import com.example.accounts.model.User;
import com.example.accounts.service.AccountService;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** Bad input is a 400 (or 401) whose message names the problem, and never reaches the service. */
@ExtendWith(MockitoExtension.class)
class HandlerInputTest {
    @Mock
    AccountService accounts;

    static Stream<Arguments> badUserBodies() {
        String tooLong = "x".repeat(101);
        return Stream.of(
                Arguments.of(null, "request body is required"),
                Arguments.of("   ", "request body is required"),
                Arguments.of("{not json", "not valid JSON"),
                Arguments.of("{\"username\":\"alice\",\"firstName\":\"A\",\"lastName\":\"B\"}{\"x\":1}", "not valid JSON"),
                Arguments.of("{\"username\":\"alice\",\"firstName\":\"A\",\"lastName\":\"B\"}]", "not valid JSON"),
                Arguments.of("[1, 2]", "must be a JSON object"),
                Arguments.of("\"alice\"", "must be a JSON object"),
                Arguments.of("{\"firstName\":\"A\",\"lastName\":\"B\"}", "Field 'username' is required"),
                Arguments.of("{\"username\":null,\"firstName\":\"A\",\"lastName\":\"B\"}", "Field 'username' is required"),
                Arguments.of("{\"username\":42,\"firstName\":\"A\",\"lastName\":\"B\"}", "Field 'username' must be a string"),
                Arguments.of("{\"username\":\"\",\"firstName\":\"A\",\"lastName\":\"B\"}", "field 'username' must be a username"),
                Arguments.of("{\"username\":\"al ice\",\"firstName\":\"A\",\"lastName\":\"B\"}", "field 'username' must be a username"),
                Arguments.of("{\"username\":\"USER#x\",\"firstName\":\"A\",\"lastName\":\"B\"}", "field 'username' must be a username"),
                Arguments.of("{\"username\":\"" + "a".repeat(65) + "\",\"firstName\":\"A\",\"lastName\":\"B\"}", "field 'username' must be a username"),
                Arguments.of("{\"username\":\"alice\",\"firstName\":\"  \",\"lastName\":\"B\"}", "Field 'firstName' must not be blank"),
                Arguments.of("{\"username\":\"alice\",\"firstName\":\"" + tooLong + "\",\"lastName\":\"B\"}", "Field 'firstName' must be at most 100"),
                Arguments.of("{\"username\":\"alice\",\"firstName\":\"A\",\"lastName\":\"B\\u0000\"}", "Field 'lastName' must not contain control"),
                Arguments.of("{\"username\":\"alice\",\"firstName\":\"\\u00a0\",\"lastName\":\"B\"}", "Field 'firstName' must not be blank"),
                Arguments.of("{\"username\":\"alice\",\"firstName\":\"\\u200b\",\"lastName\":\"B\"}", "invisible characters (it holds U+200B)"),
                Arguments.of("{\"username\":\"alice\",\"firstName\":\"Ali\\u202ece\",\"lastName\":\"B\"}", "invisible characters (it holds U+202E)"),
                Arguments.of("{\"username\":\"alice\",\"firstName\":\"A\\u2028B\",\"lastName\":\"B\"}", "invisible characters (it holds U+2028)"),
                Arguments.of("{\"username\":\"alice\",\"firstName\":\"A\",\"lastName\":\"\\ud800\"}", "Field 'lastName' must not contain control or invisible characters (it holds U+D800)"),
                Arguments.of("{\"username\":\"alice\",\"firstName\":\"A\",\"lastName\":[\"B\"]}", "Field 'lastName' must be a string"));
    }

    @ParameterizedTest
    @MethodSource("badUserBodies")
    void createUserRejects(String body, String expectedMessage) {
        ApiCall call = invoke(new CreateUserHandler(accounts), Events.post("/users", body));

        assertThat(call.status()).isEqualTo(400);
        assertThat(call.error()).contains(expectedMessage);
        verifyNoInteractions(accounts);
    }

    @Test
    void namesInAnyScriptAreAccepted() {
        when(accounts.createUser(any())).thenAnswer(call -> call.getArgument(0));
        // Persian writes some names with a zero-width non-joiner (U+200C); the others are plain letters and marks,
        // and 100 emoji: 100 characters, though Java's String counts 200 (each is two UTF-16 units).
        for (String name : List.of("Zo\u00eb", "\u0641\u0631\u0632\u0627\u0646\u0647\u200c\u0627\u06cc", "\u6797", "O'Brien-Smith",
                "\ud83d\ude00".repeat(100))) {
            ApiCall call = invoke(new CreateUserHandler(accounts),
                    Events.post("/users", "{\"username\":\"zoe\",\"firstName\":\"" + name + "\",\"lastName\":\"B\"}"));

            assertThat(call.status()).as(name).isEqualTo(201);
            verify(accounts).createUser(new User("zoe", name, "B"));
        }
    }

    @Test
    void base64BodiesAreDecoded() {
        when(accounts.createUser(any())).thenAnswer(created -> created.getArgument(0));
        String body = "{\"username\":\"zoe\",\"firstName\":\"Zo\u00eb\",\"lastName\":\"B\"}";
        String encoded = Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));

        ApiCall decoded = invoke(new CreateUserHandler(accounts), Events.post("/users", encoded).withIsBase64Encoded(true));
        ApiCall notBase64 = invoke(new CreateUserHandler(accounts), Events.post("/users", "bm90IGJhc2U2NA!!").withIsBase64Encoded(true));

        assertThat(decoded.status()).as("a valid base64 body: %s", decoded.body()).isEqualTo(201);
        verify(accounts).createUser(new User("zoe", "Zo\u00eb", "B"));
        assertThat(notBase64.status()).isEqualTo(400);
        assertThat(notBase64.error()).contains("base64");
    }

    @Test
    void createOrganizationNeedsAnAuthorizationHeader() {
        ApiCall call = invoke(new CreateOrganizationHandler(accounts), Events.post("/organizations", "{\"organizationName\":\"acme\"}"));

        assertThat(call.status()).isEqualTo(401);
        assertThat(call.error()).contains("Authorization header");
        verifyNoInteractions(accounts);
    }

    @Test
    void authorizationHeaderMustBeAUsername() {
        ApiCall call = invoke(new CreateOrganizationHandler(accounts),
                Events.post("/organizations", "{\"organizationName\":\"acme\"}", "Bearer eyJhbGciOi"));

        assertThat(call.status()).isEqualTo(400);
        assertThat(call.error()).contains("Authorization header");
        verifyNoInteractions(accounts);
    }

    @Test
    void anAuthorizationHeaderSentTwiceIsRefused() {
        APIGatewayProxyRequestEvent twice = Events.post("/organizations", "{\"organizationName\":\"acme\"}", "alice")
                .withMultiValueHeaders(Map.of("Authorization", List.of("bob", "alice")));
        APIGatewayProxyRequestEvent inTwoCases = Events.post("/organizations", "{\"organizationName\":\"acme\"}", "alice")
                .withMultiValueHeaders(Map.of("authorization", List.of("bob"), "Authorization", List.of("alice")));

        for (APIGatewayProxyRequestEvent event : List.of(twice, inTwoCases)) {
            ApiCall call = invoke(new CreateOrganizationHandler(accounts), event);

            assertThat(call.status()).isEqualTo(400);
            assertThat(call.error()).isEqualTo("The Authorization header must be sent once, not 2 times.");
        }
        verifyNoInteractions(accounts);
    }

    @ParameterizedTest
    @MethodSource("badOrganizationNames")
    void createOrganizationRejectsBadNames(String name) {
        ApiCall call = invoke(new CreateOrganizationHandler(accounts),
                Events.post("/organizations", "{\"organizationName\":" + name + "}", "alice"));

        assertThat(call.status()).isEqualTo(400);
        assertThat(call.error()).contains("organizationName");
        verifyNoInteractions(accounts);
    }

    static Stream<String> badOrganizationNames() {
        return Stream.of("\"\"", "\"   \"", "\"-acme\"", "\"acme/evil\"", "\"ORG#acme\"", "\"" + "a".repeat(65) + "\"", "7");
    }

    @Test
    void addMemberNamesAnUnknownRole() {
        APIGatewayProxyRequestEvent event = Events.post("/organizations/acme/members",
                        "{\"memberUsername\":\"bob\",\"role\":\"Emperor\"}", "alice")
                .withPathParameters(Map.of("organization", "acme"));

        ApiCall call = invoke(new AddMemberHandler(accounts), event);

        assertThat(call.status()).isEqualTo(400);
        assertThat(call.error()).isEqualTo("Field 'role' must be one of Owner, Admin, Member.");
        verifyNoInteractions(accounts);
    }

    @Test
    void pathParametersAreValidated() {
        ApiCall badUser = invoke(new GetUserHandler(accounts), Events.get("/users/x", Map.of("username", "a#b")));
        ApiCall missing = invoke(new GetMembershipHandler(accounts), Events.get("/organizations/acme/members/", Map.of("organization", "acme")));

        assertThat(badUser.status()).isEqualTo(400);
        assertThat(badUser.error()).contains("path parameter 'username'");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("Path parameter 'username' is required.");
        verifyNoInteractions(accounts);
    }

    @Test
    void listMembersValidatesTheOrganization() {
        ApiCall bad = invoke(new ListMembersHandler(accounts), Events.get("/organizations/x/members", Map.of("organization", "ORG#acme")));
        ApiCall missing = invoke(new ListMembersHandler(accounts), Events.get("/organizations//members", null));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).contains("path parameter 'organization'");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("Path parameter 'organization' is required.");
        verifyNoInteractions(accounts);
    }
}
