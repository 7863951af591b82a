package com.example.localcloud.kinesis;

import com.example.localcloud.awsjson.AwsJsonEndpoint;
import com.example.localcloud.iam.AccessCheck;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * A local Amazon Kinesis Data Streams: an HTTP endpoint on loopback that the real AWS SDKs talk
 * to ({@code endpointOverride}, or {@code AWS_ENDPOINT_URL_KINESIS}), in CBOR or JSON, with the
 * records in memory and every call authorized by an {@link AccessCheck}. See the package
 * documentation for what is and is not emulated.
 *
 * <pre>{@code
 * try (LocalKinesis kinesis = LocalKinesis.start("us-east-1", "000000000000", functionPolicies)) {
 *     String arn = kinesis.createStream("orders", 2);
 *     environment.put("AWS_ENDPOINT_URL_KINESIS", kinesis.endpoint().toString());
 * }
 * }</pre>
 */
public final class LocalKinesis implements AutoCloseable {

    private final AwsJsonEndpoint endpoint;
    private final StreamStore store;
    private final KinesisFaults faults;

    private LocalKinesis(AwsJsonEndpoint endpoint, StreamStore store, KinesisFaults faults) {
        this.endpoint = endpoint;
        this.store = store;
        this.faults = faults;
    }

    /** Starts on 127.0.0.1 on a free port. */
    public static LocalKinesis start(String region, String accountId, AccessCheck accessCheck) throws IOException {
        return start(region, accountId, accessCheck, 0);
    }

    /** Starts on 127.0.0.1 on this port (0 for a free one). */
    public static LocalKinesis start(String region, String accountId, AccessCheck accessCheck, int port) throws IOException {
        StreamStore store = new StreamStore(region, accountId, new LocalClock());
        KinesisFaults faults = new KinesisFaults();
        KinesisProtocol protocol = new KinesisProtocol(new KinesisApi(store), faults, accountId);
        return new LocalKinesis(AwsJsonEndpoint.start(protocol, accessCheck, port), store, faults);
    }

    /** E.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint.endpoint();
    }

    public int port() {
        return endpoint.port();
    }

    /**
     * Creates an ACTIVE provisioned stream with {@code shardCount} shards, without HTTP and without
     * IAM (for the local cloud's set-up, as CloudFormation would).
     *
     * @return the stream's ARN, {@code arn:aws:kinesis:<region>:<account>:stream/<name>}
     * @throws IllegalArgumentException if the name or shard count is not one AWS accepts
     * @throws IllegalStateException    if a stream of that name exists, or the account's quota of
     *                                  {@value StreamStore#ACCOUNT_SHARD_LIMIT} shards would be exceeded
     */
    public String createStream(String streamName, int shardCount) {
        if (streamName == null || streamName.isEmpty() || streamName.length() > 128
                || !RequestMembers.STREAM_NAME.matcher(streamName).matches()) {
            throw new IllegalArgumentException("not a valid stream name (1 to 128 of [a-zA-Z0-9_.-]): " + streamName);
        }
        if (shardCount < 1) {
            throw new IllegalArgumentException("a stream has at least one shard: " + shardCount);
        }
        try {
            return store.create(streamName, KinesisStream.StreamMode.PROVISIONED, shardCount).arn();
        } catch (KinesisError error) {
            throw new IllegalStateException(error.getMessage());
        }
    }

    /** The ARN a stream of this name has (or would have) here. */
    public String streamArn(String streamName) {
        return store.arnOf(streamName);
    }

    /** Faults to inject, for tests of code that must survive throttling and server errors. */
    public KinesisFaults faults() {
        return faults;
    }

    /**
     * Moves this server's clock forward, for tests: iterators older than five minutes of this clock
     * expire, and records that arrive later carry the later time.
     */
    public void advanceClock(Duration by) {
        store.clock().advance(by);
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
