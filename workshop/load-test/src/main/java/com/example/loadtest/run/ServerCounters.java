package com.example.loadtest.run;

import com.example.localcloud.dynamodb.DynamoDbStats;

/**
 * What the local servers counted: cache item traffic and DynamoDB calls. Only a local cloud has
 * them; a deployed target's live in CloudWatch and the Momento console.
 */
public record ServerCounters(CacheTraffic cache, DynamoDbStats dynamoDb) {

    public ServerCounters minus(ServerCounters earlier) {
        return new ServerCounters(cache.minus(earlier.cache), dynamoDb.minus(earlier.dynamoDb));
    }
}
