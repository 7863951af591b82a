package com.example.localcloud.kinesis;

import com.example.localcloud.awsjson.AwsServiceError;
import static com.example.localcloud.kinesis.RequestMembers.HASH_KEY;
import static com.example.localcloud.kinesis.RequestMembers.SEQUENCE_NUMBER;
import static com.example.localcloud.kinesis.RequestMembers.SHARD_ID;
import static com.example.localcloud.kinesis.RequestMembers.STREAM_ARN;
import static com.example.localcloud.kinesis.RequestMembers.STREAM_NAME;

import com.example.localcloud.awsjson.WireFormat;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Kinesis operations in AWS's shapes: reads a request's members, validates them as AWS does,
 * and answers from the {@link StreamStore}.
 *
 * <p>Each call is first {@linkplain #prepare prepared}: that names the IAM action and the stream
 * ARN to authorize (and, for fault messages, the stream and shard), and only then runs.
 */
final class KinesisApi {

    /**
     * A call that has been read and validated, waiting for authorization.
     *
     * @param operation   e.g. {@code GetRecords}; the IAM action is {@code kinesis:<operation>}
     * @param resourceArn the stream's ARN, or {@code *} for ListStreams
     * @param streamName  the stream the call is about, or {@code null}
     * @param shardId     the shard the call is about, or {@code null}
     */
    record PreparedCall(String operation, String resourceArn, String streamName, String shardId, Supplier<ObjectNode> run) {
        String action() {
            return "kinesis:" + operation;
        }
    }

    static final int MAX_RECORD_BYTES = 1 << 20;
    static final int MAX_PUT_RECORDS_BYTES = 5 << 20;
    static final int MAX_GET_RECORDS_BYTES = 10 << 20;
    static final List<String> ITERATOR_TYPES =
            List.of("AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER", "TRIM_HORIZON", "LATEST", "AT_TIMESTAMP");
    private static final List<String> STREAM_MODES = List.of("PROVISIONED", "ON_DEMAND");
    private static final List<String> SHARD_FILTER_TYPES = List.of(
            "AFTER_SHARD_ID", "AT_TRIM_HORIZON", "FROM_TRIM_HORIZON", "AT_LATEST", "AT_TIMESTAMP", "FROM_TIMESTAMP");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final StreamStore store;

    KinesisApi(StreamStore store) {
        this.store = store;
    }

    PreparedCall prepare(String operation, RequestMembers request, WireFormat format) {
        return switch (operation) {
            case "CreateStream" -> createStream(request);
            case "DeleteStream" -> deleteStream(request);
            case "DescribeStream" -> describeStream(request, format);
            case "DescribeStreamSummary" -> describeStreamSummary(request, format);
            case "ListStreams" -> listStreams(request, format);
            case "ListShards" -> listShards(request);
            case "PutRecord" -> putRecord(request);
            case "PutRecords" -> putRecords(request);
            case "GetShardIterator" -> getShardIterator(request);
            case "GetRecords" -> getRecords(request, format);
            default -> throw AwsServiceError.unknownOperation("Kinesis", operation);
        };
    }

    private PreparedCall createStream(RequestMembers request) {
        String name = request.requiredString("StreamName", 1, 128, STREAM_NAME);
        Integer shardCount = request.optionalInt("ShardCount", 1, Integer.MAX_VALUE);
        RequestMembers modeDetails = request.optionalStructure("StreamModeDetails");
        String mode = modeDetails == null ? "PROVISIONED" : modeDetails.requiredEnum("StreamMode", STREAM_MODES);
        KinesisStream.StreamMode streamMode = KinesisStream.StreamMode.valueOf(mode);
        if (streamMode == KinesisStream.StreamMode.PROVISIONED && shardCount == null) {
            throw KinesisError.invalidArgument("ShardCount is required for a stream in PROVISIONED mode.");
        }
        if (streamMode == KinesisStream.StreamMode.ON_DEMAND && shardCount != null) {
            throw KinesisError.invalidArgument("ShardCount cannot be set for a stream in ON_DEMAND mode.");
        }
        int shards = shardCount != null ? shardCount : KinesisStream.ON_DEMAND_SHARDS;
        return call("CreateStream", name, null, () -> {
            store.create(name, streamMode, shards);
            return NODES.objectNode();
        });
    }

    private PreparedCall deleteStream(RequestMembers request) {
        String name = streamName(request);
        return call("DeleteStream", name, null, () -> {
            store.delete(name);
            return NODES.objectNode();
        });
    }

    private PreparedCall describeStream(RequestMembers request, WireFormat format) {
        String name = streamName(request);
        int limit = orDefault(request.optionalInt("Limit", 1, 10_000), 100);
        String exclusiveStartShardId = request.optionalString("ExclusiveStartShardId", 1, 128, SHARD_ID);
        return call("DescribeStream", name, null, () -> {
            KinesisStream stream = store.get(name);
            List<Shard> after = shardsAfter(stream, exclusiveStartShardId);
            ObjectNode description = streamSummary(stream, format);
            description.set("Shards", shardList(after.subList(0, Math.min(limit, after.size()))));
            description.put("HasMoreShards", after.size() > limit);
            ObjectNode response = NODES.objectNode();
            response.set("StreamDescription", description);
            return response;
        });
    }

    private PreparedCall describeStreamSummary(RequestMembers request, WireFormat format) {
        String name = streamName(request);
        return call("DescribeStreamSummary", name, null, () -> {
            KinesisStream stream = store.get(name);
            ObjectNode summary = streamSummary(stream, format)
                    .put("OpenShardCount", stream.shards().size())
                    .put("ConsumerCount", 0);
            ObjectNode response = NODES.objectNode();
            response.set("StreamDescriptionSummary", summary);
            return response;
        });
    }

    private PreparedCall listStreams(RequestMembers request, WireFormat format) {
        int limit = orDefault(request.optionalInt("Limit", 1, 10_000), 100);
        String exclusiveStart = request.optionalString("ExclusiveStartStreamName", 1, 128, STREAM_NAME);
        String nextToken = request.optionalString("NextToken", 1, 1_048_576, null);
        String after = nextToken != null ? decodeListStreamsToken(nextToken) : exclusiveStart;
        return new PreparedCall("ListStreams", "*", null, null, () -> {
            List<KinesisStream> page = store.listAfter(after, limit);
            boolean more = page.size() > limit;
            List<KinesisStream> streams = more ? page.subList(0, limit) : page;
            ArrayNode names = NODES.arrayNode();
            ArrayNode summaries = NODES.arrayNode();
            for (KinesisStream stream : streams) {
                names.add(stream.name());
                ObjectNode summary = summaries.addObject()
                        .put("StreamName", stream.name())
                        .put("StreamARN", stream.arn())
                        .put("StreamStatus", "ACTIVE");
                summary.putObject("StreamModeDetails").put("StreamMode", stream.mode().name());
                summary.set("StreamCreationTimestamp", format.timestamp(stream.createdAt()));
            }
            ObjectNode response = NODES.objectNode();
            response.set("StreamNames", names);
            response.put("HasMoreStreams", more);
            response.set("StreamSummaries", summaries);
            if (more) {
                response.put("NextToken", encodeToken(streams.get(streams.size() - 1).name()));
            }
            return response;
        });
    }

    private PreparedCall listShards(RequestMembers request) {
        String nextToken = request.optionalString("NextToken", 1, 1_048_576, null);
        int maxResults = orDefault(request.optionalInt("MaxResults", 1, 10_000), 1000);
        String exclusiveStartShardId = request.optionalString("ExclusiveStartShardId", 1, 128, SHARD_ID);
        RequestMembers filter = request.optionalStructure("ShardFilter");
        String filterType = filter == null ? null : filter.requiredEnum("Type", SHARD_FILTER_TYPES);
        String filterShardId = filter == null ? null : filter.optionalString("ShardId", 1, 128, SHARD_ID);
        if ("AFTER_SHARD_ID".equals(filterType) && filterShardId == null) {
            throw KinesisError.invalidArgument("ShardFilter.ShardId is required for a ShardFilter of type AFTER_SHARD_ID.");
        }
        String name;
        String afterShardId;
        long incarnation;
        if (nextToken != null) {
            if (request.has("StreamName") || request.has("StreamARN") || exclusiveStartShardId != null) {
                throw KinesisError.invalidArgument(
                        "NextToken cannot be provided together with StreamName, StreamARN or ExclusiveStartShardId.");
            }
            String[] token = decodeListShardsToken(nextToken);
            name = token[0];
            incarnation = Long.parseLong(token[1]);
            afterShardId = token[2];
        } else {
            name = streamName(request);
            incarnation = -1;
            // every shard here is open and has no parent: the other filter types list them all
            afterShardId = "AFTER_SHARD_ID".equals(filterType) ? later(filterShardId, exclusiveStartShardId) : exclusiveStartShardId;
        }
        return call("ListShards", name, null, () -> {
            KinesisStream stream = store.get(name);
            if (incarnation >= 0 && incarnation != stream.incarnation()) {
                throw KinesisError.streamNotFound(name, store.accountId());
            }
            List<Shard> after = shardsAfter(stream, afterShardId);
            List<Shard> page = after.subList(0, Math.min(maxResults, after.size()));
            ObjectNode response = NODES.objectNode();
            response.set("Shards", shardList(page));
            if (after.size() > maxResults) {
                String last = page.get(page.size() - 1).id();
                response.put("NextToken", encodeToken(name + "|" + stream.incarnation() + "|" + last));
            }
            return response;
        });
    }

    private PreparedCall putRecord(RequestMembers request) {
        String name = streamName(request);
        byte[] data = request.requiredBlob("Data", MAX_RECORD_BYTES);
        String partitionKey = request.requiredString("PartitionKey", 1, 256, null);
        BigInteger hashKey = hashKey(request, partitionKey);
        request.optionalString("SequenceNumberForOrdering", 0, 128, SEQUENCE_NUMBER); // each shard is ordered anyway
        return call("PutRecord", name, null, () -> {
            KinesisStream stream = store.get(name);
            Shard shard = stream.shardFor(hashKey);
            StoredRecord stored = shard.append(data, partitionKey, store.clock().now());
            return NODES.objectNode().put("ShardId", shard.id()).put("SequenceNumber", stored.sequenceNumber());
        });
    }

    private PreparedCall putRecords(RequestMembers request) {
        String name = streamName(request);
        List<RequestMembers> entries = request.requiredList("Records", 1, 500);
        record Entry(byte[] data, String partitionKey, BigInteger hashKey) {
        }
        List<Entry> records = new ArrayList<>(entries.size());
        long totalBytes = 0;
        for (RequestMembers entry : entries) {
            byte[] data = entry.requiredBlob("Data", MAX_RECORD_BYTES);
            String partitionKey = entry.requiredString("PartitionKey", 1, 256, null);
            records.add(new Entry(data, partitionKey, hashKey(entry, partitionKey)));
            totalBytes += data.length + partitionKey.getBytes(StandardCharsets.UTF_8).length;
        }
        if (totalBytes > MAX_PUT_RECORDS_BYTES) {
            throw KinesisError.invalidArgument("Records size exceeds 5 MB limit: the Records of one PutRecords"
                    + " (data and partition keys) must total at most " + MAX_PUT_RECORDS_BYTES + " bytes.");
        }
        return call("PutRecords", name, null, () -> {
            KinesisStream stream = store.get(name);
            ArrayNode results = NODES.arrayNode();
            for (Entry record : records) {
                Shard shard = stream.shardFor(record.hashKey());
                StoredRecord stored = shard.append(record.data(), record.partitionKey(), store.clock().now());
                results.addObject().put("SequenceNumber", stored.sequenceNumber()).put("ShardId", shard.id());
            }
            ObjectNode response = NODES.objectNode().put("FailedRecordCount", 0);
            response.set("Records", results);
            return response;
        });
    }

    private PreparedCall getShardIterator(RequestMembers request) {
        String name = streamName(request);
        String shardId = request.requiredString("ShardId", 1, 128, SHARD_ID);
        String type = request.requiredEnum("ShardIteratorType", ITERATOR_TYPES);
        String startingSequenceNumber = request.optionalString("StartingSequenceNumber", 0, 128, SEQUENCE_NUMBER);
        Instant timestamp = request.optionalTimestamp("Timestamp");
        boolean bySequenceNumber = type.endsWith("_SEQUENCE_NUMBER");
        if (bySequenceNumber && startingSequenceNumber == null) {
            throw KinesisError.invalidArgument("Must specify StartingSequenceNumber for ShardIteratorType " + type + ".");
        }
        if (!bySequenceNumber && startingSequenceNumber != null) {
            throw KinesisError.invalidArgument("StartingSequenceNumber must not be specified for ShardIteratorType " + type + ".");
        }
        if (type.equals("AT_TIMESTAMP") && timestamp == null) {
            throw KinesisError.invalidArgument("Must specify Timestamp for ShardIteratorType AT_TIMESTAMP.");
        }
        if (!type.equals("AT_TIMESTAMP") && timestamp != null) {
            throw KinesisError.invalidArgument("Timestamp must not be specified for ShardIteratorType " + type + ".");
        }
        return call("GetShardIterator", name, shardId, () -> {
            KinesisStream stream = store.get(name);
            Shard shard = stream.shard(shardId).orElseThrow(() -> KinesisError.shardNotFound(shardId, name, store.accountId()));
            Instant now = store.clock().now();
            long position = switch (type) {
                case "TRIM_HORIZON" -> 0;
                case "LATEST" -> shard.end();
                case "AT_SEQUENCE_NUMBER" -> positionOf(startingSequenceNumber, stream, shard);
                case "AFTER_SEQUENCE_NUMBER" -> positionOf(startingSequenceNumber, stream, shard) + 1;
                case "AT_TIMESTAMP" -> {
                    if (timestamp.isAfter(now)) {
                        throw KinesisError.invalidArgument("The Timestamp parameter cannot be greater than the current time."
                                + " Timestamp: " + timestamp.toEpochMilli() + ", current time: " + now.toEpochMilli() + " (epoch ms).");
                    }
                    yield shard.firstAtOrAfter(timestamp);
                }
                default -> throw new IllegalStateException("validated above: " + type);
            };
            ShardIterator iterator = new ShardIterator(name, stream.incarnation(), shard.index(), position, now);
            return NODES.objectNode().put("ShardIterator", iterator.encode());
        });
    }

    private PreparedCall getRecords(RequestMembers request, WireFormat format) {
        String encoded = request.requiredString("ShardIterator", 1, 512, null);
        int limit = orDefault(request.optionalInt("Limit", 1, 10_000), 10_000);
        String streamArn = request.optionalString("StreamARN", 1, 2048, STREAM_ARN);
        ShardIterator iterator = ShardIterator.decode(encoded)
                .orElseThrow(() -> KinesisError.invalidArgument("Invalid ShardIterator."));
        String name = iterator.streamName();
        String shardId = Shard.idOf(iterator.shardIndex());
        if (streamArn != null && !streamArn.equals(store.arnOf(name))) {
            throw KinesisError.invalidArgument("The ShardIterator belongs to stream " + name + ", not to StreamARN " + streamArn + ".");
        }
        return call("GetRecords", name, shardId, () -> {
            Shard shard = store.find(name)
                    .filter(stream -> stream.incarnation() == iterator.incarnation())
                    .flatMap(stream -> stream.shard(iterator.shardIndex()))
                    .orElseThrow(() -> KinesisError.shardNotFound(shardId, name, store.accountId()));
            Instant now = store.clock().now();
            if (iterator.isExpiredAt(now)) {
                throw KinesisError.expiredIterator("Iterator expired. The iterator was created at time " + iterator.issuedAt()
                        + " while right now it is " + now + " which is further in the future than the tolerated delay of "
                        + ShardIterator.LIFETIME_MILLIS + " milliseconds.");
            }
            Shard.Slice slice = shard.read(iterator.position(), limit, MAX_GET_RECORDS_BYTES, now);
            ArrayNode records = NODES.arrayNode();
            for (StoredRecord record : slice.records()) {
                ObjectNode item = records.addObject().put("SequenceNumber", record.sequenceNumber());
                item.set("ApproximateArrivalTimestamp", format.timestamp(record.approximateArrivalTimestamp()));
                item.set("Data", NODES.binaryNode(record.data()));
                item.put("PartitionKey", record.partitionKey());
            }
            ObjectNode response = NODES.objectNode();
            response.set("Records", records);
            // shards never close here, so there is always a next iterator (AWS sends none only at a closed shard's end)
            response.put("NextShardIterator", iterator.movedTo(slice.nextPosition(), now).encode());
            response.put("MillisBehindLatest", slice.millisBehindLatest());
            return response;
        });
    }

    // ---- members and checks shared by the operations

    private PreparedCall call(String operation, String streamName, String shardId, Supplier<ObjectNode> run) {
        return new PreparedCall(operation, store.arnOf(streamName), streamName, shardId, run);
    }

    /** The stream a request names, by StreamName or StreamARN (the SDK may send either, or both). */
    private String streamName(RequestMembers request) {
        String name = request.optionalString("StreamName", 1, 128, STREAM_NAME);
        String arn = request.optionalString("StreamARN", 1, 2048, STREAM_ARN);
        if (name == null && arn == null) {
            throw KinesisError.invalidArgument("Either StreamName or StreamARN must be provided.");
        }
        if (arn == null) {
            return name;
        }
        // arn:aws:kinesis:<region>:<account>:stream/<name>
        String[] parts = arn.split(":", 6);
        String nameInArn = parts.length == 6 && parts[5].startsWith("stream/") ? parts[5].substring("stream/".length()) : "";
        if (!STREAM_NAME.matcher(nameInArn).matches() || nameInArn.length() > 128) {
            throw KinesisError.invalidArgument("StreamARN " + arn + " does not name a valid stream.");
        }
        if (name != null && !name.equals(nameInArn)) {
            throw KinesisError.invalidArgument("StreamARN " + arn + " and StreamName " + name + " name different streams.");
        }
        if (!parts[3].equals(store.region()) || !parts[4].equals(store.accountId())) {
            throw KinesisError.streamNotFound(nameInArn, parts[4]);
        }
        return nameInArn;
    }

    private static BigInteger hashKey(RequestMembers request, String partitionKey) {
        String explicit = request.optionalString("ExplicitHashKey", 0, 128, HASH_KEY);
        if (explicit == null) {
            return HashKeyRanges.hashKeyOf(partitionKey);
        }
        BigInteger hashKey = new BigInteger(explicit);
        if (hashKey.compareTo(HashKeyRanges.MAX_HASH_KEY) > 0) {
            throw KinesisError.invalidArgument("Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]."
                    + " Specified value was " + explicit);
        }
        return hashKey;
    }

    /** Where AT_SEQUENCE_NUMBER starts: the sequence number must be one of this shard's. */
    private long positionOf(String sequenceNumber, KinesisStream stream, Shard shard) {
        SequenceNumbers.Decoded decoded = SequenceNumbers.decode(sequenceNumber)
                .filter(d -> d.incarnation() == stream.incarnation())
                .orElseThrow(() -> KinesisError.invalidArgument("StartingSequenceNumber " + sequenceNumber
                        + " used in GetShardIterator on shard " + shard.id() + " in stream " + stream.name()
                        + " under account " + store.accountId() + " is invalid."));
        if (decoded.shardIndex() != shard.index()) {
            throw KinesisError.invalidArgument("Invalid StartingSequenceNumber. It encodes " + Shard.idOf(decoded.shardIndex())
                    + ", while it was used in a call to a shard with " + shard.id());
        }
        return decoded.position();
    }

    private static List<Shard> shardsAfter(KinesisStream stream, String exclusiveStartShardId) {
        if (exclusiveStartShardId == null) {
            return stream.shards();
        }
        // shard ids sort like their indexes: "shardId-" and twelve digits
        return stream.shards().stream().filter(shard -> shard.id().compareTo(exclusiveStartShardId) > 0).toList();
    }

    private static String later(String a, String b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static ObjectNode streamSummary(KinesisStream stream, WireFormat format) {
        ObjectNode summary = NODES.objectNode()
                .put("StreamName", stream.name())
                .put("StreamARN", stream.arn())
                .put("StreamStatus", "ACTIVE");
        summary.putObject("StreamModeDetails").put("StreamMode", stream.mode().name());
        summary.put("RetentionPeriodHours", 24);
        summary.set("StreamCreationTimestamp", format.timestamp(stream.createdAt()));
        summary.putArray("EnhancedMonitoring").addObject().putArray("ShardLevelMetrics");
        summary.put("EncryptionType", "NONE");
        return summary;
    }

    private static ArrayNode shardList(List<Shard> shards) {
        ArrayNode list = NODES.arrayNode();
        for (Shard shard : shards) {
            ObjectNode item = list.addObject().put("ShardId", shard.id());
            item.putObject("HashKeyRange")
                    .put("StartingHashKey", shard.hashKeyRange().start().toString())
                    .put("EndingHashKey", shard.hashKeyRange().end().toString());
            item.putObject("SequenceNumberRange").put("StartingSequenceNumber", shard.startingSequenceNumber());
        }
        return list;
    }

    private static String encodeToken(String plain) {
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeListStreamsToken(String token) {
        String name = decodeToken(token);
        if (name == null || !STREAM_NAME.matcher(name).matches()) {
            throw KinesisError.invalidArgument("Invalid NextToken for ListStreams.");
        }
        return name;
    }

    /** {stream name, incarnation, last shard id listed}. */
    private static String[] decodeListShardsToken(String token) {
        String plain = decodeToken(token);
        String[] parts = plain == null ? new String[0] : plain.split("\\|");
        if (parts.length != 3 || !STREAM_NAME.matcher(parts[0]).matches() || !parts[1].matches("\\d{1,18}")) {
            throw KinesisError.invalidArgument("Invalid NextToken for ListShards.");
        }
        return parts;
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static int orDefault(Integer value, int defaultValue) {
        return value != null ? value : defaultValue;
    }
}
