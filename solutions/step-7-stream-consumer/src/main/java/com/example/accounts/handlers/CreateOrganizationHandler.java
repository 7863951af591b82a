package com.example.accounts.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.example.accounts.Dependencies;
import com.example.accounts.service.AccountService;

/** POST /organizations {"organizationName"}, Authorization: founder -> 201 {"organization": ...} */
public class CreateOrganizationHandler extends ApiHandler {
    private final AccountService accounts;

    public CreateOrganizationHandler() {
        this(Dependencies.accountService());
    }

    public CreateOrganizationHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String founder = request.actingUser();
        String organizationName = request.organizationNameField("organizationName");
        return ApiResponses.created("organization", accounts.createOrganization(organizationName, founder));
    }
}
