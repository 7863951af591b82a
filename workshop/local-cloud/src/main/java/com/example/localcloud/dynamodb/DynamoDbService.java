package com.example.localcloud.dynamodb;

import com.example.localcloud.apigateway.OutgoingResponse;
import com.example.localcloud.config.CloudFormationResource;
import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.iam.AccessCheck;
import com.example.localcloud.iam.DynamoDbAuthorizer;
import com.example.localcloud.iam.StagePolicies;
import com.example.localcloud.lambda.EnvironmentSpec;
import com.example.localcloud.service.CallTimer;
import com.example.localcloud.service.ControlRequest;
import com.example.localcloud.service.ControlResponses;
import com.example.localcloud.service.LocalService;
import com.example.localcloud.service.OperationFaultRequest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DynamoDB Local with the stage's tables ({@code AWS::DynamoDB::Table} resources), each call
 * checked by IAM, then by the {@link DynamoDbFaults} a demo or test set.
 *
 * <pre>
 *   POST   /_local/dynamodb/faults?operation=GetItem&amp;kind=THROTTLING|SERVER_ERROR[&amp;times=3]
 *                                      make a DynamoDB operation fail (times: default until cleared)
 *   DELETE /_local/dynamodb/faults     clear them (and the delay)
 *   POST   /_local/dynamodb/delay?ms=100  add this much time to every call (a network's, or "DynamoDB slow"); 0: none
 *   GET    /_local/dynamodb/stats      calls DynamoDB Local answered, per operation ({"GetItem": 3, ...})
 *   POST   /_local/dynamodb/{Operation}  one DynamoDB API call as the operator, body as the API takes it
 *                                      (e.g. UpdateItem): change the table behind the service's back
 * </pre>
 */
public final class DynamoDbService implements LocalService {

    private static final String TABLE_TYPE = "AWS::DynamoDB::Table";
    /** Longer would only look like a hang: the SDK's own timeouts are about this. */
    private static final Duration MAX_DELAY = Duration.ofSeconds(10);
    /** {@code POST /_local/dynamodb/{Operation}}: one DynamoDB API call as the operator. */
    private static final Pattern OPERATOR_CALL = Pattern.compile("/[A-Z][A-Za-z]+");
    private static final Pattern READ_ONLY_OPERATION = Pattern.compile("(Get|BatchGet|TransactGet|Query|Scan|Describe|List).*");

    /** Reads an operator call's input: one JSON value, nothing after it. */
    private static final ObjectReader OPERATOR_INPUT = new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final LocalDynamoDb dynamoDb;
    private final DynamoDbFaults faults;
    private final ServerlessConfig config;

    private DynamoDbService(LocalDynamoDb dynamoDb, DynamoDbFaults faults, ServerlessConfig config) {
        this.dynamoDb = dynamoDb;
        this.faults = faults;
        this.config = config;
    }

    /** @param port on 127.0.0.1; 0 picks a free one */
    public static LocalService.Starter on(int port) {
        return context -> {
            DynamoDbFaults faults = new DynamoDbFaults();
            DynamoDbRequestFilter iam = iamFilter(context.config(), context.iam());
            LocalDynamoDb dynamoDb = LocalDynamoDb.start(port, DynamoDbFaults.inOrder(iam, faults));
            try {
                for (CloudFormationResource table : context.config().resourcesOfType(TABLE_TYPE)) {
                    dynamoDb.createTable(table, context.config().deployment().region());
                }
            } catch (RuntimeException e) {
                dynamoDb.close();
                throw e;
            }
            return new DynamoDbService(dynamoDb, faults, context.config());
        };
    }

    /** Refuses a call that the calling function's role does not allow, with DynamoDB's own error. */
    private static DynamoDbRequestFilter iamFilter(ServerlessConfig config, AccessCheck iam) {
        DynamoDbAuthorizer authorizer = new DynamoDbAuthorizer(iam, config.deployment().region(), config.deployment().accountId());
        return call -> authorizer
                .authorizeSigned("DynamoDB_20120810." + call.operation(), call.accessKeyId(), call.region(), call.body())
                .map(error -> new DynamoDbError(error.httpStatus(), error.jsonBody()));
    }

    public LocalDynamoDb dynamoDb() {
        return dynamoDb;
    }

    public DynamoDbFaults faults() {
        return faults;
    }

    @Override
    public String name() {
        return "dynamodb";
    }

    @Override
    public void customize(FunctionConfig function, EnvironmentSpec spec) {
        spec.environment().put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString());
    }

    @Override
    public Optional<OutgoingResponse> control(ControlRequest request) {
        if (isOperatorCall(request)) {
            return Optional.of(operatorCall(request.path().substring(1), request.body()));
        }
        return switch (request.route()) {
            case "GET /stats" -> ControlResponses.ok(dynamoDb.stats().operations());
            case "POST /faults" -> Optional.of(OperationFaultRequest.add(request, DynamoDbFaults.Kind.class, faults));
            case "POST /delay" -> Optional.of(request.applyDelay(MAX_DELAY, "delayMs", faults::delayEveryCall));
            case "DELETE /faults" -> {
                faults.clear();
                yield ControlResponses.ok(Map.of("faults", List.of()));
            }
            default -> Optional.empty();
        };
    }

    /** An operator's call that only reads (GetItem, Query, Scan, Describe..., List...) changes nothing. */
    @Override
    public boolean changes(ControlRequest request) {
        if (isOperatorCall(request)) {
            return operationChangesData(request.path().substring(1));
        }
        return LocalService.super.changes(request);
    }

    static boolean operationChangesData(String operation) {
        return !READ_ONLY_OPERATION.matcher(operation).matches();
    }

    private static boolean isOperatorCall(ControlRequest request) {
        return request.method().equals("POST") && OPERATOR_CALL.matcher(request.path()).matches();
    }

    @Override
    public Map<String, Object> endpoints() {
        Map<String, String> tables = new LinkedHashMap<>();
        config.resourcesOfType(TABLE_TYPE).forEach(table -> tables.put(table.logicalId(), table.physicalName()));
        Map<String, Object> endpoints = new LinkedHashMap<>();
        endpoints.put("dynamodb", dynamoDb.endpoint().toString());
        endpoints.put("tables", tables);
        return endpoints;
    }

    @Override
    public CallTimer.Totals callTimes() {
        return dynamoDb.callTimes();
    }

    @Override
    public void close() {
        dynamoDb.close();
    }



    /** Why the body is not one JSON object ("was empty", "is not JSON: ..."), or nothing if it is one. */
    static Optional<String> notOneJsonObject(byte[] body) {
        if (body.length == 0) {
            return Optional.of("was empty");
        }
        try {
            JsonNode input = OPERATOR_INPUT.readTree(body);
            return input.isObject() ? Optional.empty() : Optional.of("is JSON, but not an object");
        } catch (IOException e) {
            return Optional.of("is not JSON");
        }
    }

    private OutgoingResponse operatorCall(String operation, byte[] body) {
        Optional<String> notAnInput = notOneJsonObject(body);
        if (notAnInput.isPresent()) {
            // DynamoDB Local answers these with a 500 "unknown error"; the call was the operator's mistake.
            String example = config.resourcesOfType(TABLE_TYPE).stream().findFirst()
                    .map(table -> " (e.g. {\"TableName\": \"" + table.physicalName() + "\"})").orElse("");
            return ControlResponses.json(400, Map.of("error", "POST /_local/dynamodb/" + operation
                    + " takes the call's input as one JSON object, as the DynamoDB API does" + example + "; the body " + notAnInput.get()));
        }
        try {
            var answer = OperatorDynamoDbCall.send(dynamoDb.endpoint(), config.deployment().region(),
                    StagePolicies.OPERATOR_ACCESS_KEY_ID, operation, body);
            return ControlResponses.jsonAsIs(answer.statusCode(), answer.body());
        } catch (IOException e) {
            return ControlResponses.json(502, Map.of("error", "DynamoDB Local did not answer: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ControlResponses.json(503, Map.of("error", "interrupted"));
        }
    }
}
