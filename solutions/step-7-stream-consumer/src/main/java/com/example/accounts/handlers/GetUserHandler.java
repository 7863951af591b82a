package com.example.accounts.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.example.accounts.Dependencies;
import com.example.accounts.service.AccountService;

/** GET /users/{username} -> 200 {"user": ...} */
public class GetUserHandler extends ApiHandler {
    private final AccountService accounts;

    public GetUserHandler() {
        this(Dependencies.accountService());
    }

    public GetUserHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String username = request.usernamePathParameter("username");
        return ApiResponses.ok("user", accounts.getUser(username));
    }
}
