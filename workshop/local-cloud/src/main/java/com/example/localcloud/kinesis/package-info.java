/**
 * A local Amazon Kinesis Data Streams for the local cloud: {@link com.example.localcloud.kinesis.LocalKinesis},
 * an HTTP endpoint on loopback that the real AWS SDK v2 {@code KinesisClient} talks to.
 *
 * <p>Emulated, in the shapes AWS answers so the SDK raises its typed exceptions:
 * <ul>
 *   <li>CreateStream (PROVISIONED with ShardCount, or ON_DEMAND as 4 shards), DeleteStream,
 *       DescribeStream, DescribeStreamSummary, ListStreams and ListShards (with paging), PutRecord,
 *       PutRecords, GetShardIterator (TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER,
 *       AFTER_SEQUENCE_NUMBER, AT_TIMESTAMP) and GetRecords (Limit up to 10,000, 10 MiB per call,
 *       NextShardIterator, MillisBehindLatest);</li>
 *   <li>both wire formats of the SDK: CBOR (its default) and JSON (with {@code aws.cborEnabled=false});</li>
 *   <li>streams named by StreamName or StreamARN; streams ACTIVE at once;</li>
 *   <li>records placed by the MD5 of the partition key (or ExplicitHashKey) on shards that split
 *       the 128-bit hash key space evenly; 56-digit sequence numbers increasing per shard;</li>
 *   <li>shard iterators that expire after five minutes (ExpiredIteratorException), with a clock
 *       tests can move forward ({@link com.example.localcloud.kinesis.LocalKinesis#advanceClock});</li>
 *   <li>the model's validation (ValidationException naming the member), InvalidArgumentException,
 *       ResourceNotFoundException, ResourceInUseException and the account's 500-shard quota;</li>
 *   <li>IAM: every call asks the {@link com.example.localcloud.iam.AccessCheck} about
 *       {@code kinesis:<Operation>} on the stream's ARN ({@code *} for ListStreams);</li>
 *   <li>throttling and server errors on demand ({@link com.example.localcloud.kinesis.KinesisFaults}).</li>
 * </ul>
 *
 * <p>Not emulated: resharding (SplitShard, MergeShards, UpdateShardCount: shards never close, so
 * there are no child shards), enhanced fan-out (RegisterStreamConsumer, SubscribeToShard),
 * retention (records stay in memory until the server stops; nothing is trimmed, and
 * IncreaseStreamRetentionPeriod and friends are not there), server-side encryption, tags,
 * per-shard throughput limits (only injected faults throttle), partial PutRecords failures, and
 * the CREATING / DELETING states. Signatures are not verified: the access key id only says who calls.
 */
package com.example.localcloud.kinesis;
