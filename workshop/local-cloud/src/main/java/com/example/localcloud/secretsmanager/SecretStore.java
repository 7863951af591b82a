package com.example.localcloud.secretsmanager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local Secrets Manager's secrets, in memory, with AWS's rules for versions, staging labels,
 * idempotency tokens and secret ids (name, full ARN or partial ARN). Thread-safe.
 *
 * <p>The local cloud uses it directly to seed secrets ({@link #createOrUpdate}); the HTTP endpoint
 * ({@link LocalSecretsManager}) uses it for every call.
 */
public final class SecretStore {

    /** What CreateSecret answers. {@code versionId} is {@code null} for a secret created without a value. */
    public record CreatedSecret(String arn, String name, String versionId) {
    }

    /** What PutSecretValue answers. */
    public record PutResult(String arn, String name, String versionId, List<String> versionStages) {
    }

    /** What GetSecretValue answers. */
    public record VersionedValue(String arn, String name, String versionId, SecretValue value,
                                 List<String> versionStages, Instant createdDate) {
    }

    /** What DescribeSecret answers (and ListSecrets, per secret). Dates are {@code null} when AWS omits them. */
    public record SecretDescription(String arn, String name, String description, Instant createdDate,
                                    Instant lastChangedDate, Instant lastAccessedDate, Instant deletedDate,
                                    Map<String, List<String>> versionIdsToStages) {
    }

    /** What DeleteSecret answers. */
    public record DeletedSecret(String arn, String name, Instant deletionDate) {
    }

    private final SecretArns arns;
    private final Clock clock;
    private final Map<String, StoredSecret> byName = new LinkedHashMap<>();

    public SecretStore(String region, String accountId) {
        this(region, accountId, Clock.systemUTC());
    }

    SecretStore(String region, String accountId, Clock clock) {
        this.arns = new SecretArns(region, accountId);
        this.clock = clock;
    }

    /**
     * Creates the secret with this string value, or adds the value as its new current version:
     * how the local cloud seeds a secret (no IAM, no HTTP).
     *
     * @param secretId a name, or the full or partial ARN of a secret of this region and account
     *                 (as a stage's {@code MOMENTO_API_KEY_SECRET_ID} may hold either)
     * @throws IllegalArgumentException for an ARN of another region or account, or an invalid name
     */
    public synchronized CreatedSecret createOrUpdate(String secretId, String secretString) {
        SecretValue value = SecretValue.ofString(secretString);
        StoredSecret existing = find(secretId).orElse(null);
        if (existing != null && existing.deletedDate == null) {
            PutResult put = putValue(existing.arn, value, null, null);
            return new CreatedSecret(put.arn(), put.name(), put.versionId());
        }
        String name = SecretArns.isArn(secretId)
                ? arns.nameOrNameWithSuffix(secretId).orElseThrow(() ->
                        new IllegalArgumentException("Not a secret ARN of this region and account: " + secretId))
                : secretId;
        if (!SecretArns.isValidName(name)) {
            throw new IllegalArgumentException("Invalid secret name: " + name);
        }
        if (existing != null) {
            byName.remove(existing.name); // scheduled for deletion: the local cloud may start over
        }
        return create(name, null, value, null, arnForCreate(name));
    }

    /**
     * The ARN a CreateSecret for this name is authorized against: the existing secret's, or the one
     * a new secret will get (pass it on to {@link #create}).
     */
    public synchronized String arnForCreate(String name) {
        StoredSecret existing = byName.get(name);
        return existing != null ? existing.arn : arns.newArn(name);
    }

    /**
     * @param value              {@code null} creates a secret without versions
     * @param clientRequestToken becomes the version id; {@code null} for a random one
     * @param arn                from {@link #arnForCreate}
     */
    public synchronized CreatedSecret create(String name, String description, SecretValue value,
                                             String clientRequestToken, String arn) {
        StoredSecret existing = byName.get(name);
        if (existing != null) {
            return createAgain(existing, value, clientRequestToken);
        }
        Instant now = clock.instant();
        StoredSecret secret = new StoredSecret(name, arn, description, now);
        String versionId = null;
        if (value != null) {
            versionId = versionIdFrom(clientRequestToken);
            secret.addVersion(new StoredSecret.Version(versionId, value, now), List.of(StoredSecret.CURRENT), now);
        }
        byName.put(name, secret);
        return new CreatedSecret(secret.arn, secret.name, versionId);
    }

    /** A CreateSecret for a name in use: an idempotent retry succeeds, anything else fails. */
    private CreatedSecret createAgain(StoredSecret existing, SecretValue value, String clientRequestToken) {
        if (existing.deletedDate != null) {
            throw SecretsManagerError.invalidRequest(
                    "You can't create this secret because a secret with this name is already scheduled for deletion.");
        }
        StoredSecret.Version sameToken = clientRequestToken == null ? null : existing.version(clientRequestToken);
        if (sameToken == null) {
            throw SecretsManagerError.resourceExists("The operation failed because the secret " + existing.name + " already exists.");
        }
        requireSameValue(existing, sameToken, value);
        return new CreatedSecret(existing.arn, existing.name, sameToken.versionId());
    }

    /**
     * @param versionStages {@code null} for the default, {@code [AWSCURRENT]}; the first version of a
     *                      secret always gets {@code AWSCURRENT}
     */
    public synchronized PutResult putValue(String secretId, SecretValue value, String clientRequestToken,
                                           List<String> versionStages) {
        StoredSecret secret = live(secretId);
        StoredSecret.Version sameToken = clientRequestToken == null ? null : secret.version(clientRequestToken);
        if (sameToken != null) {
            requireSameValue(secret, sameToken, value);
            return new PutResult(secret.arn, secret.name, sameToken.versionId(), secret.labelsOf(sameToken.versionId()));
        }
        List<String> labels = new ArrayList<>(versionStages == null ? List.of(StoredSecret.CURRENT) : versionStages);
        if (!secret.hasVersions() && !labels.contains(StoredSecret.CURRENT)) {
            labels.add(StoredSecret.CURRENT);
        }
        Instant now = clock.instant();
        String versionId = versionIdFrom(clientRequestToken);
        secret.addVersion(new StoredSecret.Version(versionId, value, now), labels, now);
        return new PutResult(secret.arn, secret.name, versionId, secret.labelsOf(versionId));
    }

    /**
     * @param versionId    {@code null} unless a particular version is asked for
     * @param versionStage {@code null} means {@code AWSCURRENT} (when no version id is given either)
     */
    public synchronized VersionedValue getValue(String secretId, String versionId, String versionStage) {
        StoredSecret secret = live(secretId);
        StoredSecret.Version version;
        if (versionId != null) {
            version = secret.version(versionId);
            if (version == null) {
                throw SecretsManagerError.resourceNotFound(
                        "Secrets Manager can't find the specified secret value for VersionId: " + versionId);
            }
            if (versionStage != null && !secret.labelsOf(versionId).contains(versionStage)) {
                throw SecretsManagerError.invalidRequest(
                        "You provided a VersionStage that is not associated to the provided VersionId.");
            }
        } else {
            String label = versionStage == null ? StoredSecret.CURRENT : versionStage;
            version = secret.versionLabelled(label);
            if (version == null) {
                throw SecretsManagerError.resourceNotFound(
                        "Secrets Manager can't find the specified secret value for staging label: " + label);
            }
        }
        secret.lastAccessedDate = clock.instant().truncatedTo(ChronoUnit.DAYS); // AWS keeps the day only
        return new VersionedValue(secret.arn, secret.name, version.versionId(), version.value(),
                secret.labelsOf(version.versionId()), version.createdDate());
    }

    public synchronized SecretDescription describe(String secretId) {
        return describe(find(secretId).orElseThrow(SecretsManagerError::secretNotFound));
    }

    /** Every secret, oldest first; those scheduled for deletion only if asked for. */
    public synchronized List<SecretDescription> list(boolean includePlannedDeletion) {
        List<SecretDescription> result = new ArrayList<>();
        for (StoredSecret secret : byName.values()) {
            if (includePlannedDeletion || secret.deletedDate == null) {
                result.add(describe(secret));
            }
        }
        return result;
    }

    /**
     * @param recoveryWindowInDays 7 to 30, {@code null} for AWS's default of 30
     * @param forceWithoutRecovery delete at once instead of scheduling the deletion
     */
    public synchronized DeletedSecret delete(String secretId, Long recoveryWindowInDays, boolean forceWithoutRecovery) {
        if (recoveryWindowInDays != null && forceWithoutRecovery) {
            throw SecretsManagerError.invalidParameter(
                    "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        }
        if (recoveryWindowInDays != null && (recoveryWindowInDays < 7 || recoveryWindowInDays > 30)) {
            throw SecretsManagerError.invalidParameter("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        }
        StoredSecret secret = find(secretId).orElseThrow(SecretsManagerError::secretNotFound);
        Instant now = clock.instant();
        if (forceWithoutRecovery) {
            byName.remove(secret.name);
            return new DeletedSecret(secret.arn, secret.name, now);
        }
        if (secret.deletedDate != null) {
            throw markedForDeletion();
        }
        secret.deletedDate = now;
        long days = recoveryWindowInDays == null ? 30 : recoveryWindowInDays;
        return new DeletedSecret(secret.arn, secret.name, now.plus(Duration.ofDays(days)));
    }

    /**
     * The resource ARN IAM evaluates for a call on this secret id: the secret's ARN if it exists;
     * for a secret that does not exist, the ARN given, or for a bare name the ARN such a secret
     * would have, random suffix included, as AWS does (so that a grant on
     * {@code secret:<name>-??????} lets the caller learn that the secret is missing, and no grant
     * lets a caller without permission tell a missing secret from a forbidden one).
     */
    public synchronized String authorizationArn(String secretId) {
        return find(secretId).map(secret -> secret.arn)
                .orElseGet(() -> SecretArns.isArn(secretId) ? secretId : arns.newArn(secretId));
    }

    /** The secret by name, full ARN or partial ARN (the ARN without the random suffix). */
    private Optional<StoredSecret> find(String secretId) {
        if (!SecretArns.isArn(secretId)) {
            return Optional.ofNullable(byName.get(secretId));
        }
        for (StoredSecret secret : byName.values()) {
            if (secret.arn.equals(secretId)) {
                return Optional.of(secret);
            }
        }
        return arns.nameOrNameWithSuffix(secretId).map(byName::get);
    }

    /** Found and not scheduled for deletion: what reading and writing values needs. */
    private StoredSecret live(String secretId) {
        StoredSecret secret = find(secretId).orElseThrow(SecretsManagerError::secretNotFound);
        if (secret.deletedDate != null) {
            throw markedForDeletion();
        }
        return secret;
    }

    private static SecretsManagerError markedForDeletion() {
        return SecretsManagerError.invalidRequest(
                "You can't perform this operation on the secret because it was marked for deletion.");
    }

    private static void requireSameValue(StoredSecret secret, StoredSecret.Version version, SecretValue value) {
        if (!version.value().sameAs(value)) {
            // Versions are immutable: the same token with another value is a conflict, not an update.
            throw SecretsManagerError.resourceExists("You can't use ClientRequestToken " + version.versionId()
                    + " because that value is already in use for a version of secret " + secret.arn + ".");
        }
    }

    private static String versionIdFrom(String clientRequestToken) {
        // The SDKs fill in a random UUID as ClientRequestToken, and AWS uses it as the version id.
        return clientRequestToken != null ? clientRequestToken : UUID.randomUUID().toString();
    }

    private static SecretDescription describe(StoredSecret secret) {
        return new SecretDescription(secret.arn, secret.name, secret.description, secret.createdDate,
                secret.lastChangedDate, secret.lastAccessedDate, secret.deletedDate, secret.labelledVersions());
    }
}
