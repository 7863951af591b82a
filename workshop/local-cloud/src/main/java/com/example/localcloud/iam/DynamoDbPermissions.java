package com.example.localcloud.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which IAM permissions a DynamoDB JSON-protocol request needs, as AWS authorizes it:
 *
 * <ul>
 *   <li>single-table calls ({@code GetItem}, {@code PutItem}, {@code UpdateItem}, {@code DeleteItem},
 *       {@code DescribeTable}, ...): {@code dynamodb:<Operation>} on the {@code TableName}'s ARN;</li>
 *   <li>{@code Query} and {@code Scan} with an {@code IndexName}: on {@code table/<t>/index/<i>};</li>
 *   <li>{@code TransactWriteItems} / {@code TransactGetItems}: there is no IAM action for the
 *       transaction itself; each entry needs its own action on its table: {@code Put} -> {@code PutItem},
 *       {@code Update} -> {@code UpdateItem}, {@code Delete} -> {@code DeleteItem},
 *       {@code ConditionCheck} -> {@code ConditionCheckItem}, {@code Get} -> {@code GetItem};</li>
 *   <li>{@code BatchGetItem} / {@code BatchWriteItem}: these ARE IAM actions, needed on every table
 *       of {@code RequestItems};</li>
 *   <li>calls on no particular table ({@code ListTables}, ...): on {@code *};</li>
 *   <li>PartiQL ({@code ExecuteStatement}, ...) is not parsed: it needs {@code dynamodb:<Operation>}
 *       on {@code *}, which only a {@code dynamodb:*} on {@code *} grant allows.</li>
 * </ul>
 *
 * <p>Table ARNs use the region the request was signed for (else the default region) and the
 * local account id. A {@code TableName} that already is an ARN is used as it is.
 *
 * <p>DynamoDB Streams calls ({@code DynamoDBStreams_20120810.*}) need their action on the stream:
 * {@code DescribeStream} and {@code GetShardIterator} name it in {@code StreamArn}, {@code GetRecords}
 * in its shard iterator (DynamoDB Local's begins with the stream ARN and a {@code |}). DynamoDB
 * Local names a stream {@code arn:aws:dynamodb:ddblocal:000000000000:table/<t>/stream/<creation time>},
 * which serverless.yml cannot know when it is loaded; so a stream ARN is read as the local
 * deployment's ({@code !GetAtt Table.StreamArn}): the signing region, the local account and the
 * label {@link #LOCAL_STREAM_LABEL} (each local table has one stream).
 */
public final class DynamoDbPermissions {

    private static final String DYNAMODB_TARGET_PREFIX = "DynamoDB_20120810.";
    private static final String STREAMS_TARGET_PREFIX = "DynamoDBStreams_20120810.";
    private static final Map<String, String> TRANSACT_WRITE_ACTIONS = Map.of(
            "Put", "dynamodb:PutItem",
            "Update", "dynamodb:UpdateItem",
            "Delete", "dynamodb:DeleteItem",
            "ConditionCheck", "dynamodb:ConditionCheckItem");
    private static final Set<String> ON_NO_TABLE = Set.of(
            "ListTables", "DescribeLimits", "DescribeEndpoints", "ListBackups", "ListGlobalTables",
            "ListExports", "ListImports", "ListContributorInsights", "ListStreams");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The label of every table's stream in the local deployment (what {@code !GetAtt Table.StreamArn} ends with). */
    public static final String LOCAL_STREAM_LABEL = "1970-01-01T00:00:00.000";
    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws:dynamodb:[^:]*:[^:]*:table/([^/]+)/stream/[^|]+");

    private final String defaultRegion;
    private final String accountId;

    public DynamoDbPermissions(String defaultRegion, String accountId) {
        this.defaultRegion = defaultRegion;
        this.accountId = accountId;
    }

    /** The operation of an {@code X-Amz-Target} header, e.g. {@code GetItem}; empty if not a DynamoDB target. */
    public static String operationOf(String target) {
        if (target == null) {
            return "";
        }
        for (String prefix : List.of(DYNAMODB_TARGET_PREFIX, STREAMS_TARGET_PREFIX)) {
            if (target.startsWith(prefix)) {
                return target.substring(prefix.length());
            }
        }
        return "";
    }

    /**
     * @param target        the {@code X-Amz-Target} header, e.g. {@code DynamoDB_20120810.GetItem}
     * @param authorization the {@code Authorization} header (for the signing region), may be {@code null}
     * @param body          the JSON request body
     * @return the permissions, in request order without repeats; empty when the request is too
     * malformed to name a table (DynamoDB rejects it anyway, with its own validation error)
     */
    public List<RequiredPermission> required(String target, String authorization, byte[] body) {
        String signingRegion = SigV4Credential.fromAuthorizationHeader(authorization).map(SigV4Credential::region).orElse(null);
        return requiredInRegion(target, signingRegion, body);
    }

    /**
     * As {@link #required}, for a front that has already read the signing region.
     *
     * @param signingRegion the region of the signature's credential scope; {@code null} or empty
     *                      for the default region
     */
    public List<RequiredPermission> requiredInRegion(String target, String signingRegion, byte[] body) {
        String operation = operationOf(target);
        JsonNode request = parse(body);
        if (operation.isEmpty() || request == null) {
            return List.of();
        }
        String region = signingRegion == null || signingRegion.isEmpty() ? defaultRegion : signingRegion;
        Set<RequiredPermission> needed = new LinkedHashSet<>();
        String action = "dynamodb:" + operation;
        switch (operation) {
            case "TransactWriteItems" -> {
                for (JsonNode entry : request.path("TransactItems")) {
                    TRANSACT_WRITE_ACTIONS.forEach((kind, innerAction) -> {
                        if (entry.has(kind)) {
                            addTable(needed, innerAction, entry.get(kind).path("TableName"), region);
                        }
                    });
                }
            }
            case "TransactGetItems" -> {
                for (JsonNode entry : request.path("TransactItems")) {
                    addTable(needed, "dynamodb:GetItem", entry.path("Get").path("TableName"), region);
                }
            }
            case "BatchGetItem", "BatchWriteItem" -> {
                for (Iterator<String> tables = request.path("RequestItems").fieldNames(); tables.hasNext(); ) {
                    needed.add(new RequiredPermission(action, tableArn(tables.next(), region)));
                }
            }
            case "Query", "Scan" -> {
                String table = text(request.path("TableName"));
                String index = text(request.path("IndexName"));
                if (table != null) {
                    String arn = tableArn(table, region);
                    needed.add(new RequiredPermission(action, index == null ? arn : arn + "/index/" + index));
                }
            }
            case "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction" ->
                    needed.add(new RequiredPermission(action, "*"));
            default -> addForSingleResource(needed, operation, action, request, region);
        }
        return List.copyOf(needed);
    }

    private void addForSingleResource(Set<RequiredPermission> needed, String operation, String action,
                                      JsonNode request, String region) {
        if (ON_NO_TABLE.contains(operation)) {
            needed.add(new RequiredPermission(action, "*"));
        } else if (text(request.path("TableName")) != null) {
            addTable(needed, action, request.path("TableName"), region);
        } else if (text(request.path("ResourceArn")) != null) {
            needed.add(new RequiredPermission(action, text(request.path("ResourceArn"))));
        } else if (text(request.path("StreamArn")) != null) {
            needed.add(new RequiredPermission(action, streamArn(text(request.path("StreamArn")), region)));
        } else if (text(request.path("ShardIterator")) != null) {
            String iterator = text(request.path("ShardIterator"));
            int end = iterator.indexOf('|');
            needed.add(new RequiredPermission(action, streamArn(end < 0 ? iterator : iterator.substring(0, end), region)));
        } else if (text(request.path("TableArn")) != null) {
            needed.add(new RequiredPermission(action, text(request.path("TableArn"))));
        }
    }

    private void addTable(Set<RequiredPermission> needed, String action, JsonNode tableName, String region) {
        String table = text(tableName);
        if (table != null) {
            needed.add(new RequiredPermission(action, tableArn(table, region)));
        }
    }

    /** {@code arn:aws:dynamodb:<region>:<account>:table/<name>}; a name that is an ARN already stays as it is. */
    public String tableArn(String tableName, String region) {
        if (tableName.startsWith("arn:")) {
            return tableName;
        }
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + tableName;
    }

    /**
     * A stream ARN as the local deployment names it: {@code arn:aws:dynamodb:<region>:<account>:table/<t>/stream/}
     * {@link #LOCAL_STREAM_LABEL}; anything that is not a DynamoDB stream ARN stays as it is.
     */
    public String streamArn(String streamArn, String region) {
        Matcher stream = STREAM_ARN.matcher(streamArn);
        if (!stream.matches()) {
            return streamArn;
        }
        return tableArn(stream.group(1), region) + "/stream/" + LOCAL_STREAM_LABEL;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode tree = body == null || body.length == 0 ? null : JSON.readTree(body);
            return tree != null && tree.isObject() ? tree : null;
        } catch (IOException e) {
            return null;
        }
    }
}
