package com.example.localcloud.secretsmanager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets of each region. The local cloud is one deployment in one region, whose secrets it
 * seeds there. A client built for another region (one written into the code, say) asks that
 * region's Secrets Manager on AWS, which does not hold them, and so here it asks an empty store
 * of that region's own, made on its first call: its secrets' ARNs name that region, so IAM
 * refuses a read that the deployment's statements ({@code ${AWS::Region}}) do not cover, as AWS does.
 */
final class SecretRegions {

    private final String homeRegion;
    private final String accountId;
    private final SecretStore home;
    private final Map<String, SecretStore> otherRegions = new ConcurrentHashMap<>();

    SecretRegions(String homeRegion, String accountId) {
        this.homeRegion = homeRegion;
        this.accountId = accountId;
        this.home = new SecretStore(homeRegion, accountId);
    }

    /** The deployment's region's secrets: the ones the local cloud seeds. */
    SecretStore home() {
        return home;
    }

    /** @param signingRegion the region a request was signed for; {@code null} or empty for the deployment's */
    SecretStore of(String signingRegion) {
        if (signingRegion == null || signingRegion.isEmpty() || signingRegion.equals(homeRegion)) {
            return home;
        }
        return otherRegions.computeIfAbsent(signingRegion, region -> new SecretStore(region, accountId));
    }
}
