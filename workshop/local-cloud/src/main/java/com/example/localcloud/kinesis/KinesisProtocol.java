package com.example.localcloud.kinesis;

import com.example.localcloud.awsjson.AwsJsonCall;
import com.example.localcloud.awsjson.AwsJsonProtocol;
import com.example.localcloud.awsjson.AwsServiceError;
import com.example.localcloud.awsjson.WireFormat;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Kinesis as the shared JSON 1.1 endpoint serves it: the {@link KinesisApi}'s operations, with a
 * {@link KinesisFaults fault} (if one is set) answering instead of the call once IAM allowed it.
 */
final class KinesisProtocol implements AwsJsonProtocol {

    /** PutRecords carries up to 5 MiB of data, a third more as base64 in JSON, plus keys and framing. */
    private static final int MAX_BODY_BYTES = 10 << 20;

    private final KinesisApi api;
    private final KinesisFaults faults;
    private final String accountId;

    KinesisProtocol(KinesisApi api, KinesisFaults faults, String accountId) {
        this.api = api;
        this.faults = faults;
        this.accountId = accountId;
    }

    @Override
    public String serviceName() {
        return "Kinesis";
    }

    @Override
    public String targetPrefix() {
        return "Kinesis_20131202.";
    }

    @Override
    public int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    @Override
    public String errorMessageKey() {
        return "message";
    }

    @Override
    public AwsServiceError internalError() {
        return KinesisError.internalFailure();
    }

    /**
     * One region's streams whatever the signing region: the local Kinesis's callers are the local
     * cloud's own event source mappings and the workshop's producer, not the attendee's code.
     */
    @Override
    public AwsJsonCall prepare(String operation, JsonNode request, WireFormat format, String signingRegion) {
        KinesisApi.PreparedCall call = api.prepare(operation, RequestMembers.of(request, format), format);
        return new AwsJsonCall(call.action(), call.resourceArn(), () -> {
            Optional<KinesisFaults.Kind> fault = faults.take(operation); // after IAM, before any effect
            if (fault.isPresent()) {
                throw KinesisFaults.errorFor(fault.get(), call.streamName(), call.shardId(), accountId);
            }
            return call.run().get();
        });
    }
}
