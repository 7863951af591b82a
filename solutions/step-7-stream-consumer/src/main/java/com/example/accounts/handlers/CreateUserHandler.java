package com.example.accounts.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.example.accounts.Dependencies;
import com.example.accounts.model.User;
import com.example.accounts.service.AccountService;

/** POST /users {"username", "firstName", "lastName"} -> 201 {"user": ...} */
public class CreateUserHandler extends ApiHandler {
    private final AccountService accounts;

    public CreateUserHandler() {
        this(Dependencies.accountService());
    }

    public CreateUserHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        User user = new User(
                request.usernameField("username"),
                request.personNameField("firstName"),
                request.personNameField("lastName"));
        return ApiResponses.created("user", accounts.createUser(user));
    }
}
