package com.example.accounts.repository;

import com.example.accounts.model.ActivityEvent;
import com.example.accounts.model.EnrichedActivity;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The enriched activity events, one item per event, keyed by {@code eventId} (ActivityTable in
 * serverless.yml). An item holds the event's fields, the user's {@code firstName} and
 * {@code lastName}, the organization's {@code foundingUser}, and {@code enrichedAt}, all strings;
 * and {@code userFound} and {@code organizationFound}, booleans (DynamoDB's BOOL). When the user
 * or the organization does not exist, its flag is false and its attributes are absent.
 *
 * <p>Kinesis and Lambda deliver every record <em>at least</em> once: when a batch fails, Lambda
 * retries it from the failed record, and a function that times out after writing is invoked with
 * the same records again. So the same event can arrive twice. The write is conditional, only if
 * no item has this eventId yet, so a second delivery changes nothing: at-least-once delivery
 * becomes one item per event in the table. The key is the producer's eventId, not the record's sequence
 * number, so an event the producer itself sent twice (retrying a PutRecord whose answer it did
 * not get) is recorded once too.
 */
public class ActivityRepository {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public ActivityRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /**
     * Writes the activity, unless its event is recorded already.
     *
     * @return true if written now; false if an earlier delivery of the same event wrote it
     */
    public boolean writeOnce(EnrichedActivity activity) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(toItem(activity))
                    .conditionExpression("attribute_not_exists(eventId)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyWritten) {
            return false; // the first delivery wins: the item keeps what it was enriched with then
        }
    }

    private static Map<String, AttributeValue> toItem(EnrichedActivity activity) {
        ActivityEvent event = activity.event();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("eventId", s(event.eventId()));
        item.put("username", s(event.username()));
        item.put("organization", s(event.organization()));
        item.put("action", s(event.action()));
        item.put("occurredAt", s(event.occurredAt()));
        item.put("userFound", AttributeValue.fromBool(activity.userFound()));
        if (activity.userFound()) {
            item.put("firstName", s(activity.user().firstName()));
            item.put("lastName", s(activity.user().lastName()));
        }
        item.put("organizationFound", AttributeValue.fromBool(activity.organizationFound()));
        if (activity.organizationFound()) {
            item.put("foundingUser", s(activity.organization().foundingUser()));
        }
        item.put("enrichedAt", s(activity.enrichedAt().toString()));
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
