package com.example.localcloud.dynamodb;

import com.example.localcloud.config.CloudFormationResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * Turns an {@code AWS::DynamoDB::Table} resource of serverless.yml into the CreateTable request
 * DynamoDB Local understands. CloudFormation uses the API's own property names
 * (KeySchema, AttributeDefinitions, ...), so the mapping is one to one.
 */
final class TableDefinitions {

    private static final List<String> STREAM_VIEW_TYPES = List.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES");

    private TableDefinitions() {
    }

    static CreateTableRequest createTableRequest(CloudFormationResource table) {
        Map<String, Object> p = table.properties();
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.physicalName())
                .attributeDefinitions(maps(p.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder()
                                .attributeName(text(a, "AttributeName"))
                                .attributeType(text(a, "AttributeType")).build())
                        .toList())
                .keySchema(keySchema(p.get("KeySchema")));
        if (p.get("BillingMode") != null) {
            request.billingMode(String.valueOf(p.get("BillingMode")));
        }
        throughput(p.get("ProvisionedThroughput")).ifPresent(request::provisionedThroughput);
        if (p.get("GlobalSecondaryIndexes") != null) {
            request.globalSecondaryIndexes(maps(p.get("GlobalSecondaryIndexes")).stream().map(index -> {
                GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                        .indexName(text(index, "IndexName"))
                        .keySchema(keySchema(index.get("KeySchema")))
                        .projection(projection(index.get("Projection")));
                throughput(index.get("ProvisionedThroughput")).ifPresent(gsi::provisionedThroughput);
                return gsi.build();
            }).toList());
        }
        if (p.get("LocalSecondaryIndexes") != null) {
            request.localSecondaryIndexes(maps(p.get("LocalSecondaryIndexes")).stream().map(index -> LocalSecondaryIndex.builder()
                    .indexName(text(index, "IndexName"))
                    .keySchema(keySchema(index.get("KeySchema")))
                    .projection(projection(index.get("Projection"))).build()).toList());
        }
        if (p.get("StreamSpecification") instanceof Map<?, ?> stream) {
            String viewType = String.valueOf(stream.get("StreamViewType"));
            if (!STREAM_VIEW_TYPES.contains(viewType)) {
                // DynamoDB Local takes any text, and each record then carries it: the function's event fails to
                // deserialize before its handler runs. CloudFormation refuses the template at deploy.
                throw new IllegalArgumentException("serverless.yml: resources.Resources." + table.logicalId()
                        + ".Properties.StreamSpecification.StreamViewType is '" + viewType + "', which is not one of "
                        + String.join(", ", STREAM_VIEW_TYPES) + " (CloudFormation refuses it at deploy)");
            }
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType(viewType).build());
        }
        return request.build();
    }

    /** {@code TimeToLiveSpecification}, which CreateTable cannot set: it needs an UpdateTimeToLive after. */
    static Optional<TimeToLiveSpecification> timeToLive(CloudFormationResource table) {
        if (table.properties().get("TimeToLiveSpecification") instanceof Map<?, ?> ttl
                && Boolean.parseBoolean(String.valueOf(ttl.get("Enabled")))) {
            return Optional.of(TimeToLiveSpecification.builder()
                    .attributeName(String.valueOf(ttl.get("AttributeName"))).enabled(true).build());
        }
        return Optional.empty();
    }

    private static List<KeySchemaElement> keySchema(Object value) {
        return maps(value).stream().map(k -> KeySchemaElement.builder()
                .attributeName(text(k, "AttributeName"))
                .keyType(text(k, "KeyType")).build()).toList();
    }

    private static Projection projection(Object value) {
        if (!(value instanceof Map<?, ?> projection)) {
            return Projection.builder().projectionType("ALL").build();
        }
        Projection.Builder builder = Projection.builder().projectionType(String.valueOf(projection.get("ProjectionType")));
        if (projection.get("NonKeyAttributes") instanceof List<?> attributes) {
            builder.nonKeyAttributes(attributes.stream().map(String::valueOf).toList());
        }
        return builder.build();
    }

    private static Optional<ProvisionedThroughput> throughput(Object value) {
        if (!(value instanceof Map<?, ?> throughput)) {
            return Optional.empty();
        }
        return Optional.of(ProvisionedThroughput.builder()
                .readCapacityUnits(Long.parseLong(String.valueOf(throughput.get("ReadCapacityUnits"))))
                .writeCapacityUnits(Long.parseLong(String.valueOf(throughput.get("WriteCapacityUnits")))).build());
    }

    private static List<Map<?, ?>> maps(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).<Map<?, ?>>map(Map.class::cast).toList();
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
