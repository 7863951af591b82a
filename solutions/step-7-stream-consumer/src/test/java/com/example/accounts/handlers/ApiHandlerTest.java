package com.example.accounts.handlers;

import static com.example.accounts.ApiCall.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.example.accounts.ApiCall;
import com.example.accounts.Events;
import com.example.accounts.errors.ConflictException;
import com.example.accounts.model.User;
import com.example.accounts.service.AccountService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** How {@link ApiHandler} turns results and errors into API Gateway responses. */
@ExtendWith(MockitoExtension.class)
class ApiHandlerTest {
    @Mock
    AccountService accounts;

    @Test
    void successIsJsonWithAContentType() {
        when(accounts.getUser("alice")).thenReturn(new User("alice", "Alice", "Liddell"));

        APIGatewayProxyResponseEvent response = new GetUserHandler(accounts)
                .handleRequest(Events.get("/users/alice", Map.of("username", "alice")), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(response.getBody()).isEqualTo("{\"user\":{\"username\":\"alice\",\"firstName\":\"Alice\",\"lastName\":\"Liddell\"}}");
    }

    @Test
    void knownErrorsKeepTheirStatusAndMessage() {
        when(accounts.getUser("alice")).thenThrow(ConflictException.userExists("alice"));

        ApiCall call = invoke(new GetUserHandler(accounts), Events.get("/users/alice", Map.of("username", "alice")));

        assertThat(call.status()).isEqualTo(409);
        assertThat(call.error()).isEqualTo("User alice already exists.");
    }

    @Test
    void unexpectedErrorsAre500WithoutDetails() {
        when(accounts.getUser("alice")).thenThrow(DynamoDbException.builder().message("secret table details").build());

        ApiCall call = invoke(new GetUserHandler(accounts), Events.get("/users/alice", Map.of("username", "alice")));

        assertThat(call.status()).isEqualTo(500);
        assertThat(call.body().toString()).isEqualTo("{\"error\":\"Internal error.\"}");
    }
}
