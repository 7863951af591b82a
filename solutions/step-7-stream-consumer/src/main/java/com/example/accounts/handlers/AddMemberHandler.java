package com.example.accounts.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.example.accounts.Dependencies;
import com.example.accounts.model.Membership;
import com.example.accounts.service.AccountService;

/**
 * POST /organizations/{organization}/members {"memberUsername", "role"}, Authorization: an Owner
 * or Admin of the organization -> 201 {"membership": ...}
 */
public class AddMemberHandler extends ApiHandler {
    private final AccountService accounts;

    public AddMemberHandler() {
        this(Dependencies.accountService());
    }

    public AddMemberHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String actingUser = request.actingUser();
        String organizationName = request.organizationPathParameter("organization");
        Membership membership = accounts.addMember(
                organizationName,
                request.usernameField("memberUsername"),
                request.roleField("role"),
                actingUser);
        return ApiResponses.created("membership", membership);
    }
}
