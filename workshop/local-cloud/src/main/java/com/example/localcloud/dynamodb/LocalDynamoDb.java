package com.example.localcloud.dynamodb;

import com.example.localcloud.config.CloudFormationResource;
import com.example.localcloud.service.CallTimer;
import java.net.URI;
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
        server.setHandler(new FilteringHandler(new LocalDynamoDBServerHandler(database, null), filter, counters, timer));
        try {
            server.start();
        } catch (Exception e) {
            database.shutdown();
            throw e;
        }
        return new LocalDynamoDb(database, server, URI.create("http://127.0.0.1:" + connector.getLocalPort()), counters, timer);
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
