package com.example.localcloud.config;

import java.util.List;
import java.util.Map;

/**
 * The {@code provider:} section: defaults for every function.
 *
 * @param runtime          e.g. {@code java21}
 * @param memorySize       MB (the framework's default is 1024)
 * @param timeoutSeconds   seconds (the framework's default is 6)
 * @param environment      variables every function gets, CloudFormation functions resolved
 * @param iamStatements    {@code provider.iam.role.statements} (or the older {@code iamRoleStatements})
 * @param binaryMediaTypes {@code provider.apiGateway.binaryMediaTypes}: request bodies of these
 *                         types reach the function base64-encoded
 */
public record ProviderConfig(String runtime, int memorySize, int timeoutSeconds, Map<String, String> environment,
                             List<IamStatement> iamStatements, List<String> binaryMediaTypes) {

    public ProviderConfig {
        environment = Map.copyOf(environment);
        iamStatements = List.copyOf(iamStatements);
        binaryMediaTypes = List.copyOf(binaryMediaTypes);
    }
}
