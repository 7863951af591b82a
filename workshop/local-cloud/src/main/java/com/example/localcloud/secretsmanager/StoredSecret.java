package com.example.localcloud.secretsmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One secret with its versions and staging labels. Not thread-safe: {@link SecretStore} guards it.
 *
 * <p>A staging label sits on at most one version. Moving {@code AWSCURRENT} to a new version moves
 * {@code AWSPREVIOUS} to the version that had it, as AWS does; a version left without labels is
 * "deprecated": still readable by its id, but no longer listed by DescribeSecret.
 */
final class StoredSecret {

    static final String CURRENT = "AWSCURRENT";
    static final String PREVIOUS = "AWSPREVIOUS";

    /** One version's value. */
    record Version(String versionId, SecretValue value, Instant createdDate) {
    }

    final String name;
    final String arn;
    final Instant createdDate;
    String description;
    Instant lastChangedDate;
    Instant lastAccessedDate;
    Instant deletedDate;
    private final Map<String, Version> versions = new LinkedHashMap<>();
    private final Map<String, String> versionIdByLabel = new TreeMap<>();

    StoredSecret(String name, String arn, String description, Instant now) {
        this.name = name;
        this.arn = arn;
        this.description = description;
        this.createdDate = now;
        this.lastChangedDate = now;
    }

    boolean hasVersions() {
        return !versions.isEmpty();
    }

    Version version(String versionId) {
        return versions.get(versionId);
    }

    Version versionLabelled(String label) {
        String versionId = versionIdByLabel.get(label);
        return versionId == null ? null : versions.get(versionId);
    }

    void addVersion(Version version, List<String> labels, Instant now) {
        versions.put(version.versionId(), version);
        labels.forEach(label -> attachLabel(label, version.versionId()));
        lastChangedDate = now;
    }

    private void attachLabel(String label, String versionId) {
        if (label.equals(CURRENT)) {
            String formerCurrent = versionIdByLabel.get(CURRENT);
            if (formerCurrent != null && !formerCurrent.equals(versionId)) {
                versionIdByLabel.put(PREVIOUS, formerCurrent);
            }
        }
        versionIdByLabel.put(label, versionId);
    }

    /** The labels on a version, sorted; empty for a deprecated version. */
    List<String> labelsOf(String versionId) {
        List<String> labels = new ArrayList<>();
        versionIdByLabel.forEach((label, id) -> {
            if (id.equals(versionId)) {
                labels.add(label);
            }
        });
        return labels;
    }

    /** Version id to labels, for the versions that have labels (what DescribeSecret lists). */
    Map<String, List<String>> labelledVersions() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String versionId : versions.keySet()) {
            List<String> labels = labelsOf(versionId);
            if (!labels.isEmpty()) {
                result.put(versionId, Collections.unmodifiableList(labels));
            }
        }
        return result;
    }
}
