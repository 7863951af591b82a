package com.example.accounts.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.example.accounts.Dependencies;
import com.example.accounts.service.AccountService;

/** GET /organizations/{organization}/members/{username} -> 200 {"membership": ...}, or 404 for a non-member */
public class GetMembershipHandler extends ApiHandler {
    private final AccountService accounts;

    public GetMembershipHandler() {
        this(Dependencies.accountService());
    }

    public GetMembershipHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String organizationName = request.organizationPathParameter("organization");
        String username = request.usernamePathParameter("username");
        return ApiResponses.ok("membership", accounts.getMembership(organizationName, username));
    }
}
