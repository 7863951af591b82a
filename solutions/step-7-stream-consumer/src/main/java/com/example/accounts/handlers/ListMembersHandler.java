package com.example.accounts.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.example.accounts.Dependencies;
import com.example.accounts.model.Member;
import com.example.accounts.service.AccountService;
import java.util.List;

/**
 * GET /organizations/{organization}/members -> 200 {"organization": ..., "members": [...]}, the
 * members sorted by username, each with the user's names; 404 for an unknown organization.
 */
public class ListMembersHandler extends ApiHandler {
    private final AccountService accounts;

    public ListMembersHandler() {
        this(Dependencies.accountService());
    }

    public ListMembersHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String organizationName = request.organizationPathParameter("organization");
        return ApiResponses.ok(new MemberList(organizationName, accounts.listMembers(organizationName)));
    }

    /** The answer's JSON: {"organization": "acme", "members": [...]}. */
    record MemberList(String organization, List<Member> members) {
    }
}
