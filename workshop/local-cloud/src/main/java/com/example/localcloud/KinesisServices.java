package com.example.localcloud;

import com.example.localcloud.config.CloudFormationResource;
import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.iam.AccessCheck;
import com.example.localcloud.kinesis.LocalKinesis;
import com.example.localcloud.lambda.EnvironmentSpec;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local Kinesis, started when serverless.yml declares a stream ({@code AWS::Kinesis::Stream}),
 * with those streams created as CloudFormation would: the name {@code !Ref} gives, and
 * {@code ShardCount} shards (4 in on-demand mode, as AWS starts an on-demand stream).
 */
final class KinesisServices implements AutoCloseable {

    static final String STREAM_TYPE = "AWS::Kinesis::Stream";
    private static final int ON_DEMAND_SHARDS = 4;

    private final LocalKinesis kinesis;
    /** Logical id -> stream name. */
    private final Map<String, String> streams;

    private KinesisServices(LocalKinesis kinesis, Map<String, String> streams) {
        this.kinesis = kinesis;
        this.streams = streams;
    }

    /** Starts nothing when the stage has no Kinesis stream. */
    static KinesisServices start(ServerlessConfig config, AccessCheck iam) throws IOException {
        List<CloudFormationResource> resources = config.resourcesOfType(STREAM_TYPE);
        if (resources.isEmpty()) {
            return new KinesisServices(null, Map.of());
        }
        LocalKinesis kinesis = LocalKinesis.start(config.deployment().region(), config.deployment().accountId(), iam);
        Map<String, String> streams = new LinkedHashMap<>();
        try {
            for (CloudFormationResource stream : resources) {
                kinesis.createStream(stream.physicalName(), shardCount(config, stream));
                streams.put(stream.logicalId(), stream.physicalName());
            }
        } catch (RuntimeException e) {
            kinesis.close();
            throw e;
        }
        return new KinesisServices(kinesis, streams);
    }

    private static int shardCount(ServerlessConfig config, CloudFormationResource stream) {
        Object mode = stream.properties().get("StreamModeDetails") instanceof Map<?, ?> details ? details.get("StreamMode") : null;
        if ("ON_DEMAND".equals(mode)) {
            return ON_DEMAND_SHARDS;
        }
        Object shards = stream.properties().get("ShardCount");
        try {
            int count = shards == null ? 1 : Integer.parseInt(String.valueOf(shards));
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(config.file() + ": resources.Resources." + stream.logicalId()
                + ".Properties.ShardCount must be a whole number of at least 1, not " + shards);
    }

    /** Null when the stage has no Kinesis stream. */
    LocalKinesis kinesis() {
        return kinesis;
    }

    URI endpoint() {
        return kinesis == null ? null : kinesis.endpoint();
    }

    /** Logical id -> stream name, e.g. {@code ActivityStream -> momento-accounts-workshop-dev-ActivityStream}. */
    Map<String, String> streams() {
        return streams;
    }

    /** A function that puts records finds the local Kinesis as the SDK would find Kinesis. */
    void customize(FunctionConfig function, EnvironmentSpec spec) {
        if (kinesis != null) {
            spec.environment().put("AWS_ENDPOINT_URL_KINESIS", kinesis.endpoint().toString());
        }
    }

    @Override
    public void close() {
        if (kinesis != null) {
            kinesis.close();
        }
    }
}
