package com.example.localcloud.iam;

import com.example.localcloud.apigateway.OutgoingResponse;
import com.example.localcloud.service.ControlRequest;
import com.example.localcloud.service.ControlResponses;
import com.example.localcloud.service.LocalService;
import java.util.List;
import java.util.Optional;

/**
 * IAM for the whole local cloud: the one {@link AccessCheck} every other service asks (it is in
 * each service's {@code ServiceContext}), remembering each decision.
 *
 * <pre>
 *   GET /_local/iam/decisions   every AWS call a function made, with IAM's answer (who, action,
 *                               resource, ALLOWED or why denied), oldest first
 * </pre>
 */
public final class IamService implements LocalService {

    private final DecisionLog decisions;

    /** @param check the stage's policies ({@link StagePolicies}), or {@link AccessCheck#allowAll()} */
    public IamService(AccessCheck check) {
        this.decisions = new DecisionLog(check);
    }

    /** What the other services call before they run a function's call. */
    public AccessCheck accessCheck() {
        return decisions;
    }

    /** Every decision so far, oldest first. */
    public List<Decision> decisions() {
        return decisions.decisions();
    }

    @Override
    public String name() {
        return "iam";
    }

    @Override
    public Optional<OutgoingResponse> control(ControlRequest request) {
        return request.route().equals("GET /decisions") ? ControlResponses.ok(decisions()) : Optional.empty();
    }

    @Override
    public void close() {
        // nothing runs
    }
}
