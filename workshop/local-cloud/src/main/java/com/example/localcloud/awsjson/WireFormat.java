package com.example.localcloud.awsjson;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The two encodings of AWS's JSON 1.1 protocol; an endpoint answers in the one the request came
 * in. Secrets Manager's SDK speaks JSON; Kinesis's SDK v2 speaks CBOR unless the system property
 * {@code aws.cborEnabled} (or the environment variable {@code CBOR_ENABLED}) is {@code false}.
 *
 * <p>The same members, two ways to write them (checked against the real SDK v2 client):
 * <ul>
 *   <li>blobs ({@code Data}): a CBOR byte string; in JSON a base64 string. Jackson writes a
 *       {@code BinaryNode} either way.</li>
 *   <li>timestamps ({@code ApproximateArrivalTimestamp}, {@code Timestamp}): in CBOR an integer of
 *       epoch <em>milliseconds</em> (the SDK tags its own with CBOR tag 1); in JSON a number of epoch
 *       seconds with the milliseconds as a fraction.</li>
 *   <li>errors: the same {@code {"__type", "message"}} map, encoded like the rest.</li>
 * </ul>
 */
public enum WireFormat {

    JSON("application/x-amz-json-1.1",
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)) {
        @Override
        public JsonNode timestamp(Instant instant) {
            return JsonNodeFactory.instance.numberNode(BigDecimal.valueOf(instant.toEpochMilli(), 3));
        }

        @Override
        public Instant timestampFrom(JsonNode number) {
            return Instant.ofEpochMilli(number.decimalValue().movePointRight(3).longValue());
        }

        @Override
        public byte[] blobFrom(JsonNode node) {
            if (!node.isTextual()) {
                return null;
            }
            try {
                return Base64.getDecoder().decode(node.textValue());
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
    },

    CBOR("application/x-amz-cbor-1.1", new CBORMapper()) {
        @Override
        public JsonNode timestamp(Instant instant) {
            return JsonNodeFactory.instance.numberNode(instant.toEpochMilli());
        }

        @Override
        public Instant timestampFrom(JsonNode number) {
            return Instant.ofEpochMilli(number.decimalValue().longValue());
        }

        @Override
        public byte[] blobFrom(JsonNode node) {
            return node.isBinary() ? binaryOf(node) : null;
        }
    };

    private final String contentType;
    private final ObjectMapper mapper;

    WireFormat(String contentType, ObjectMapper mapper) {
        this.contentType = contentType;
        this.mapper = mapper;
    }

    /** CBOR if the request says so; JSON otherwise (also for a request without a content type). */
    public static WireFormat ofContentType(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-amz-cbor") ? CBOR : JSON;
    }

    public String contentType() {
        return contentType;
    }

    /** A timestamp member as the SDK reads it in this format. */
    public abstract JsonNode timestamp(Instant instant);

    /** A timestamp member the SDK wrote, from a number node. */
    public abstract Instant timestampFrom(JsonNode number);

    /** A blob member's bytes, or {@code null} if the node is not a blob in this format. */
    public abstract byte[] blobFrom(JsonNode node);

    public JsonNode read(byte[] body) throws IOException {
        return mapper.readTree(body);
    }

    public byte[] write(JsonNode response) throws IOException {
        return mapper.writeValueAsBytes(response);
    }

    /** An error body: {@code {"__type": type, messageKey: message}}. */
    public byte[] error(String type, String messageKey, String message) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("__type", type);
        body.put(messageKey, message);
        return mapper.writeValueAsBytes(body);
    }

    private static byte[] binaryOf(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (IOException cannotHappenForABinaryNode) {
            return null;
        }
    }
}
