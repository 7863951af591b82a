package com.example.accounts.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.example.accounts.Dependencies;
import com.example.accounts.model.ActivityEvent;
import com.example.accounts.service.ActivityConsumer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activity stream (Kinesis) -> the activity table. Each record's data is an
 * {@link ActivityEvent}; {@link ActivityConsumer} looks its user and organization up through the
 * cache and records it, once.
 *
 * <p>Records come in order, per shard. For each one:
 * <ul>
 *   <li>recorded, or already recorded by an earlier delivery (a duplicate): done;</li>
 *   <li>malformed (not JSON, a field missing, blank or invalid): logged with its sequence number
 *       and skipped. No retry can fix it, and a record that fails every time would hold up its
 *       shard until it expires (24 hours);</li>
 *   <li>failed (DynamoDB did not answer): the handler stops and reports it in
 *       {@code batchItemFailures} (serverless.yml: {@code functionResponseType: ReportBatchItemFailures}).
 *       Lambda delivers the batch again from that record on: nothing is skipped (while the stream
 *       holds the record: 24 hours), nothing recorded out of order, and the records before it,
 *       written already, are not delivered again;</li>
 *   <li>not started, because the function's timeout is near: reported the same way, so that the
 *       records done so far stay done (a timeout would have Lambda deliver the whole batch again).</li>
 * </ul>
 *
 * <p>Each batch logs one line saying how many lookups the cache answered; see {@link BatchSummary}.
 */
public class ActivityConsumerHandler implements RequestHandler<KinesisEvent, StreamsEventResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityConsumerHandler.class);

    /**
     * What one batch did. Its log line reads, for example:
     * <pre>
     * Enriched 100 activity events (0 duplicates, 0 malformed): 193 of 200 lookups from the cache, 7 from DynamoDB (96 % hits)
     * </pre>
     *
     * @param enriched     events looked up and recorded, duplicates included
     * @param duplicates   of those, the events an earlier delivery had recorded already
     * @param malformed    records skipped because they are not activity events
     * @param fromCache    user and organization lookups the cache answered
     * @param fromDatabase lookups DynamoDB answered (cache misses, or the cache was down)
     * @param retryFrom    the sequence number of the record that failed, which Lambda retries
     *                     from; null when the whole batch is done
     */
    public record BatchSummary(int enriched, int duplicates, int malformed, int fromCache, int fromDatabase,
                               String retryFrom) {

        public int lookups() {
            return fromCache + fromDatabase;
        }

        /** Rounded down, so a batch with a miss never shows 100 %. */
        public int hitPercent() {
            return lookups() == 0 ? 0 : fromCache * 100 / lookups();
        }

        public String logLine() {
            return "Enriched " + enriched + " activity events (" + duplicates + " duplicates, " + malformed + " malformed): "
                    + fromCache + " of " + lookups() + " lookups from the cache, " + fromDatabase + " from DynamoDB ("
                    + hitPercent() + " % hits)";
        }
    }

    /**
     * What a record may take when Momento is silent: two lookups, each a get and a fill that wait
     * out the SDK's deadline of 1.1 s. With less time left than this, the next record is left to
     * the next delivery.
     */
    static final long MILLIS_A_RECORD_MAY_TAKE = 5_000;

    private final ActivityConsumer consumer;

    public ActivityConsumerHandler() {
        this(Dependencies.activityConsumer());
    }

    public ActivityConsumerHandler(ActivityConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        BatchSummary summary = process(event.getRecords(), context::getRemainingTimeInMillis);
        LOG.info(summary.logLine());
        if (summary.retryFrom() == null) {
            return new StreamsEventResponse(List.of()); // the whole batch is done
        }
        return new StreamsEventResponse(List.of(new BatchItemFailure(summary.retryFrom())));
    }

    /**
     * Consumes the records in order, up to the first that fails, or the first there is no time
     * left for ({@code remainingMillis}: the function's time before its timeout).
     */
    public BatchSummary process(List<KinesisEventRecord> records, LongSupplier remainingMillis) {
        int enriched = 0;
        int duplicates = 0;
        int malformed = 0;
        int fromCache = 0;
        int fromDatabase = 0;
        String retryFrom = null;
        for (KinesisEventRecord record : records) {
            String sequenceNumber = record.getKinesis().getSequenceNumber();
            long remaining = remainingMillis.getAsLong();
            if (enriched + malformed > 0 && remaining < MILLIS_A_RECORD_MAY_TAKE) {
                // A timeout would throw away the batch's progress: Lambda would deliver all of it again.
                LOG.warn("Activity record {} not started, {} ms before the function's timeout: Lambda will retry from it",
                        sequenceNumber, remaining);
                retryFrom = sequenceNumber;
                break;
            }
            ActivityEvent event;
            try {
                event = ActivityEvent.fromJson(text(record.getKinesis().getData()));
            } catch (IllegalArgumentException e) {
                LOG.warn("Activity record {} is not an activity event, skipped: {}", sequenceNumber, e.getMessage());
                malformed++;
                continue;
            }
            try {
                ActivityConsumer.Outcome outcome = consumer.consume(event);
                enriched++;
                duplicates += outcome.duplicate() ? 1 : 0;
                fromCache += outcome.fromCache();
                fromDatabase += outcome.fromDatabase();
            } catch (RuntimeException e) {
                LOG.warn("Activity record {} not recorded, Lambda will retry from it: {}", sequenceNumber, e.toString());
                retryFrom = sequenceNumber;
                break;
            }
        }
        return new BatchSummary(enriched, duplicates, malformed, fromCache, fromDatabase, retryFrom);
    }

    /** The record's data as UTF-8 text. Reads a duplicate of the buffer, so the record is left unchanged. */
    private static String text(ByteBuffer data) {
        if (data == null) {
            throw new IllegalArgumentException("no data");
        }
        return StandardCharsets.UTF_8.decode(data.duplicate()).toString();
    }
}
