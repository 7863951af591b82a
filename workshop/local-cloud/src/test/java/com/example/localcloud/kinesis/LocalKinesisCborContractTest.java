package com.example.localcloud.kinesis;

/** The Kinesis contract with the SDK's default wire format, CBOR. */
class LocalKinesisCborContractTest extends KinesisContract {

    @Override
    WireFormat format() {
        return WireFormat.CBOR;
    }
}
