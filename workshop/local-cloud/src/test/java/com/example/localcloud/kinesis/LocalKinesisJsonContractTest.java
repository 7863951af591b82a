package com.example.localcloud.kinesis;

import com.example.localcloud.awsjson.WireFormat;

/** The Kinesis contract with CBOR turned off ({@code aws.cborEnabled=false}): JSON 1.1. */
class LocalKinesisJsonContractTest extends KinesisContract {

    @Override
    WireFormat format() {
        return WireFormat.JSON;
    }
}
