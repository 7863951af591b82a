package com.example.accounts.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.example.accounts.Dependencies;
import com.example.accounts.service.AccountService;

/** GET /organizations/{organization} -> 200 {"organization": ...} */
public class GetOrganizationHandler extends ApiHandler {
    private final AccountService accounts;

    public GetOrganizationHandler() {
        this(Dependencies.accountService());
    }

    public GetOrganizationHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String organizationName = request.organizationPathParameter("organization");
        return ApiResponses.ok("organization", accounts.getOrganization(organizationName));
    }
}
