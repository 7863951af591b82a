package com.example.localcloud.dynamodb;

import com.example.localcloud.config.CloudFormationResource;
import com.example.localcloud.service.CallTimer;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

/**
 * Amazon's DynamoDB Local, in memory, answering on 127.0.0.1 only.
 *
 * <p>Built by hand rather than with DynamoDB Local's {@code ServerRunner} because that one
 * listens on every network interface and turns telemetry on (which calls the internet). Here:
 * one in-memory database shared by every access key ({@code -sharedDb}: each function has its
 * own key), no telemetry, and a {@link DynamoDbRequestFilter} in front for IAM checks.
 */
public final class LocalDynamoDb implements AutoCloseable {

    /** Any key works with {@code sharedDb}; this one is only used for creating tables. */
    private static final String ADMIN_ACCESS_KEY = "localcloud";

    /**
     * DynamoDB Local's HTTP handler keeps its tables of operations in static fields, which every new
     * handler empties and fills again. So a handler built while another one (of another local cloud
     * in this JVM: the tests' parallel classes, {@code compare}'s stages) serves a call can fail that
     * call, and two built at once can lose an operation for good (seen: every {@code DescribeTable}
     * of two clouds in one test JVM answered 500 "unknown error"). A handler is therefore built only
     * while no call is being served (the write lock), and calls hold the read lock while they run.
     */
    static final ReentrantReadWriteLock OPERATION_TABLES = new ReentrantReadWriteLock();

    private final LocalDynamoDBRequestHandler database;
    private final Server server;
    private final URI endpoint;
    private final DynamoDbCounters counters;
    private final CallTimer timer;

    private LocalDynamoDb(LocalDynamoDBRequestHandler database, Server server, URI endpoint, DynamoDbCounters counters,
                          CallTimer timer) {
        this.timer = timer;
        this.database = database;
        this.server = server;
        this.endpoint = endpoint;
        this.counters = counters;
    }

    /**
     * Starts DynamoDB Local.
     *
     * @param port   the port on 127.0.0.1; 0 picks a free one
     * @param filter sees every call first (use {@link DynamoDbRequestFilter#ALLOW_ALL} for none)
     */
    public static LocalDynamoDb start(int port, DynamoDbRequestFilter filter) throws Exception {
        // DynamoDB Local uses the JVM's default locale. Where it writes other digits (Arabic, Persian,
        // Marathi, ...), "LIMIT -1" in its SQL became "LIMIT -\u0661" and no table with a stream could
        // be made; in Turkish, "Items".toUpperCase() is "\u0130TEMS", no reserved word, so it took an
        // expression AWS refuses. It runs in this JVM, so this JVM runs without a locale.
        Locale.setDefault(Locale.ROOT);
        // port (unused without a file), inMemory, dbPath, sharedDb, delayTransientStatuses
        LocalDynamoDBRequestHandler database = new LocalDynamoDBRequestHandler(0, true, null, true, false);
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("dynamodb-local");
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        DynamoDbCounters counters = new DynamoDbCounters();
        CallTimer timer = new CallTimer();
        server.setHandler(new FilteringHandler(httpHandler(database), filter, counters, timer));
        try {
            server.start();
        } catch (Exception e) {
            database.shutdown();
            throw e;
        }
        return new LocalDynamoDb(database, server, URI.create("http://127.0.0.1:" + connector.getLocalPort()), counters, timer);
    }

    /** DynamoDB Local's HTTP handler for this database, built while no call is being served (see {@link #OPERATION_TABLES}). */
    static LocalDynamoDBServerHandler httpHandler(LocalDynamoDBRequestHandler database) {
        OPERATION_TABLES.writeLock().lock();
        try {
            return new LocalDynamoDBServerHandler(database, null);
        } finally {
            OPERATION_TABLES.writeLock().unlock();
        }
    }

    /** What {@code AWS_ENDPOINT_URL_DYNAMODB} should be, e.g. {@code http://127.0.0.1:45678}. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * The calls that reached the database so far, per operation (the tables created at start-up
     * are not among them: they are created in-process). Compare two snapshots with
     * {@link DynamoDbStats#minus}.
     */
    public DynamoDbStats stats() {
        return counters.snapshot();
    }

    /** Every call answered (refused ones too) and the time DynamoDB took in all, simulated delays included. */
    public CallTimer.Totals callTimes() {
        return timer.totals();
    }

    /** Creates a table from an {@code AWS::DynamoDB::Table} resource, with its indexes, stream and TTL. */
    public void createTable(CloudFormationResource table, String region) {
        try {
            database.createTable(ADMIN_ACCESS_KEY, region, TableDefinitions.createTableRequest(table));
            TableDefinitions.timeToLive(table).ifPresent(ttl -> database.updateTimeToLive(ADMIN_ACCESS_KEY, region,
                    UpdateTimeToLiveRequest.builder().tableName(table.physicalName()).timeToLiveSpecification(ttl).build()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot create table " + table.physicalName() + " from resources.Resources."
                    + table.logicalId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping anyway
        } finally {
            database.shutdown();
        }
    }
}
