package com.example.localcloud.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the local cloud needs from a stage's serverless.yml, with Serverless variables and
 * CloudFormation functions resolved. Read one with {@link ServerlessConfigLoader}.
 *
 * @param file       the serverless.yml it came from
 * @param deployment service, stage, region and (fake) account
 * @param provider   the provider's defaults
 * @param functions  in file order
 * @param resources  {@code resources.Resources} by logical id, in file order
 * @param warnings   things the local cloud ignores (e.g. event types it does not emulate)
 */
public record ServerlessConfig(Path file, Deployment deployment, ProviderConfig provider, List<FunctionConfig> functions,
                               Map<String, CloudFormationResource> resources, List<String> warnings) {

    public ServerlessConfig {
        functions = List.copyOf(functions);
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources)); // keeps file order
        warnings = List.copyOf(warnings);
    }

    public Optional<FunctionConfig> function(String name) {
        return functions.stream().filter(function -> function.name().equals(name)).findFirst();
    }

    public List<CloudFormationResource> resourcesOfType(String type) {
        return resources.values().stream().filter(resource -> resource.type().equals(type)).toList();
    }

    /** The distinct, non-blank values the functions give one environment variable, sorted (e.g. every CACHE_NAME). */
    public List<String> environmentValues(String variable) {
        return functions.stream().map(function -> function.environment().get(variable))
                .filter(value -> value != null && !value.isBlank()).distinct().sorted().toList();
    }

    /** The role a function runs with: its own (see {@link FunctionRole}), else the service's shared one. */
    public FunctionRole roleFor(FunctionConfig function) {
        if (function.role() != null) {
            return function.role();
        }
        List<IamStatement> statements = new ArrayList<>(provider.iamStatements());
        statements.addAll(function.iamStatements());
        // The framework gives the shared role read access to the streams of every function that runs with it.
        List<StreamEvent> streams = functions.stream().filter(other -> other.role() == null)
                .flatMap(other -> other.streamEvents().stream()).toList();
        return new FunctionRole(deployment.roleName(), statements, RolesPerFunction.readAccessTo(streams));
    }

    /** Every statement a function's role holds: what IAM evaluates its calls against. */
    public List<IamStatement> iamStatementsFor(FunctionConfig function) {
        return roleFor(function).all();
    }
}
