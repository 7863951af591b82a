package com.example.localcloud.kinesis;

import com.example.localcloud.awsjson.WireFormat;

/** The Kinesis contract with the SDK's default wire format, CBOR. */
class LocalKinesisCborContractTest extends KinesisContract {

    @Override
    WireFormat format() {
        return WireFormat.CBOR;
    }
}
