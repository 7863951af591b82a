package com.example.localcloud.kinesis;

import com.example.localcloud.apigateway.OutgoingResponse;
import com.example.localcloud.config.CloudFormationResource;
import com.example.localcloud.config.FunctionConfig;
import com.example.localcloud.config.ServerlessConfig;
import com.example.localcloud.lambda.EnvironmentSpec;
import com.example.localcloud.service.ControlRequest;
import com.example.localcloud.service.ControlResponses;
import com.example.localcloud.service.LocalService;
import com.example.localcloud.service.OperationFaultRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local Kinesis, started when serverless.yml declares a stream ({@code AWS::Kinesis::Stream}),
 * with those streams created as CloudFormation would: the name {@code !Ref} gives, and
 * {@code ShardCount} shards (4 in on-demand mode, as AWS starts an on-demand stream).
 *
 * <pre>
 *   POST   /_local/kinesis/faults?operation=GetRecords&amp;kind=PROVISIONED_THROUGHPUT_EXCEEDED|INTERNAL_FAILURE[&amp;times=3]
 *   DELETE /_local/kinesis/faults
 * </pre>
 */
public final class KinesisService implements LocalService {

    static final String STREAM_TYPE = "AWS::Kinesis::Stream";
    private static final int ON_DEMAND_SHARDS = 4;

    private final LocalKinesis kinesis;
    /** Logical id -> stream name. */
    private final Map<String, String> streams;

    private KinesisService(LocalKinesis kinesis, Map<String, String> streams) {
        this.kinesis = kinesis;
        this.streams = streams;
    }

    /** Starts nothing (returns null) when the stage has no Kinesis stream. */
    public static LocalService.Starter starter() {
        return context -> {
            ServerlessConfig config = context.config();
            List<CloudFormationResource> resources = config.resourcesOfType(STREAM_TYPE);
            if (resources.isEmpty()) {
                return null;
            }
            LocalKinesis kinesis = LocalKinesis.start(config.deployment().region(), config.deployment().accountId(), context.iam());
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
            return new KinesisService(kinesis, streams);
        };
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

    public LocalKinesis kinesis() {
        return kinesis;
    }

    /** Logical id -> stream name, e.g. {@code ActivityStream -> momento-accounts-workshop-dev-ActivityStream}. */
    public Map<String, String> streams() {
        return streams;
    }

    @Override
    public String name() {
        return "kinesis";
    }

    /** A function that puts records finds the local Kinesis as the SDK would find Kinesis. */
    @Override
    public void customize(FunctionConfig function, EnvironmentSpec spec) {
        spec.environment().put("AWS_ENDPOINT_URL_KINESIS", kinesis.endpoint().toString());
    }

    @Override
    public Optional<OutgoingResponse> control(ControlRequest request) {
        return switch (request.route()) {
            case "POST /faults" -> Optional.of(OperationFaultRequest.add(request, KinesisFaults.Kind.class, kinesis.faults()));
            case "DELETE /faults" -> {
                kinesis.faults().clear();
                yield ControlResponses.ok(Map.of("faults", List.of()));
            }
            default -> Optional.empty();
        };
    }

    @Override
    public Map<String, Object> endpoints() {
        Map<String, Object> endpoints = new LinkedHashMap<>();
        endpoints.put("kinesis", kinesis.endpoint().toString());
        endpoints.put("kinesisStreams", streams);
        return endpoints;
    }

    @Override
    public void close() {
        kinesis.close();
    }

}
