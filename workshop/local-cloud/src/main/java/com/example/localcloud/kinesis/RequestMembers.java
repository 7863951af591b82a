package com.example.localcloud.kinesis;

import com.example.localcloud.awsjson.AwsServiceError;
import com.example.localcloud.awsjson.WireFormat;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Reads request members and checks the API model's constraints, failing as Kinesis does with a
 * ValidationException that names the member by its path in the request, e.g.
 * {@code 1 validation error detected: Value null at 'streamName' failed to satisfy constraint:
 * Member must not be null}, or {@code ... at 'records.2.member.partitionKey' ...}.
 *
 * <p>A member of the wrong type (a string where a number belongs) is a SerializationException.
 * Record data is never quoted in messages.
 */
final class RequestMembers {

    static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    static final Pattern STREAM_ARN = Pattern.compile("arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+");
    static final Pattern SEQUENCE_NUMBER = Pattern.compile("0|([1-9]\\d{0,128})");
    static final Pattern HASH_KEY = Pattern.compile("0|([1-9]\\d{0,38})");
    static final Pattern SHARD_ID = Pattern.compile("[a-zA-Z0-9_.-]+");

    private final JsonNode node;
    /** Where this node sits in the request, for messages: "" for the request itself, "records.1.member." for a record. */
    private final String path;
    private final WireFormat format;

    private RequestMembers(JsonNode node, String path, WireFormat format) {
        this.node = node;
        this.path = path;
        this.format = format;
    }

    static RequestMembers of(JsonNode request, WireFormat format) {
        return new RequestMembers(request, "", format);
    }

    boolean has(String member) {
        JsonNode value = node.get(member);
        return value != null && !value.isNull();
    }

    String requiredString(String member, int minLength, int maxLength, Pattern pattern) {
        String value = optionalString(member, minLength, maxLength, pattern);
        if (value == null) {
            throw missing(member);
        }
        return value;
    }

    String optionalString(String member, int minLength, int maxLength, Pattern pattern) {
        if (!has(member)) {
            return null;
        }
        JsonNode value = node.get(member);
        if (!value.isTextual()) {
            throw AwsServiceError.serialization("Member " + path + member + " must be a string");
        }
        String text = value.textValue();
        if (text.length() < minLength) {
            throw violation(member, "'" + text + "'", "Member must have length greater than or equal to " + minLength);
        }
        if (text.length() > maxLength) {
            throw violation(member, "'" + text + "'", "Member must have length less than or equal to " + maxLength);
        }
        if (pattern != null && !pattern.matcher(text).matches()) {
            throw violation(member, "'" + text + "'", "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return text;
    }

    /** A member whose value must be one of the model's enum values. */
    String optionalEnum(String member, List<String> allowed) {
        String value = optionalString(member, 0, Integer.MAX_VALUE, null);
        if (value != null && !allowed.contains(value)) {
            throw violation(member, "'" + value + "'", "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    String requiredEnum(String member, List<String> allowed) {
        String value = optionalEnum(member, allowed);
        if (value == null) {
            throw missing(member);
        }
        return value;
    }

    Integer optionalInt(String member, int min, int max) {
        if (!has(member)) {
            return null;
        }
        JsonNode value = node.get(member);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw AwsServiceError.serialization("Member " + path + member + " must be an integer");
        }
        int number = value.intValue();
        if (number < min) {
            throw violation(member, "'" + number + "'", "Member must have value greater than or equal to " + min);
        }
        if (number > max) {
            throw violation(member, "'" + number + "'", "Member must have value less than or equal to " + max);
        }
        return number;
    }

    byte[] requiredBlob(String member, int maxLength) {
        if (!has(member)) {
            throw missing(member);
        }
        byte[] bytes = format.blobFrom(node.get(member));
        if (bytes == null) {
            throw AwsServiceError.serialization("Member " + path + member + " must be a blob ("
                    + (format == WireFormat.CBOR ? "a CBOR byte string" : "a base64 string") + ")");
        }
        if (bytes.length > maxLength) {
            throw violation(member, "", "Member must have length less than or equal to " + maxLength);
        }
        return bytes;
    }

    Instant optionalTimestamp(String member) {
        if (!has(member)) {
            return null;
        }
        JsonNode value = node.get(member);
        if (!value.isNumber()) {
            throw AwsServiceError.serialization("Member " + path + member + " must be a timestamp (a number)");
        }
        return format.timestampFrom(value);
    }

    /** A list of structures, each read with its own path ({@code records.1.member.}). */
    List<RequestMembers> requiredList(String member, int minItems, int maxItems) {
        if (!has(member)) {
            throw missing(member);
        }
        JsonNode list = node.get(member);
        if (!list.isArray()) {
            throw AwsServiceError.serialization("Member " + path + member + " must be a list");
        }
        if (list.size() < minItems) {
            throw violation(member, "", "Member must have length greater than or equal to " + minItems);
        }
        if (list.size() > maxItems) {
            throw violation(member, "", "Member must have length less than or equal to " + maxItems);
        }
        String itemPath = path + lowerFirst(member) + ".";
        return IntStream.range(0, list.size())
                .mapToObj(i -> {
                    JsonNode item = list.get(i);
                    if (!item.isObject()) {
                        throw AwsServiceError.serialization("Member " + path + member + " must be a list of structures");
                    }
                    return new RequestMembers(item, itemPath + (i + 1) + ".member.", format);
                })
                .toList();
    }

    /** A nested structure, e.g. StreamModeDetails; {@code null} if absent. */
    RequestMembers optionalStructure(String member) {
        if (!has(member)) {
            return null;
        }
        JsonNode value = node.get(member);
        if (!value.isObject()) {
            throw AwsServiceError.serialization("Member " + path + member + " must be a structure");
        }
        return new RequestMembers(value, path + lowerFirst(member) + ".", format);
    }

    private KinesisError missing(String member) {
        return violation(member, null, "Member must not be null");
    }

    private KinesisError violation(String member, String quotedValue, String constraint) {
        String value = quotedValue == null ? "Value null" : quotedValue.isEmpty() ? "Value" : "Value " + quotedValue;
        return KinesisError.validation("1 validation error detected: " + value + " at '" + path + lowerFirst(member)
                + "' failed to satisfy constraint: " + constraint);
    }

    private static String lowerFirst(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
