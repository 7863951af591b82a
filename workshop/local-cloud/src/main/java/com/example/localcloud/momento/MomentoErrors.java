package com.example.localcloud.momento;

import com.google.protobuf.ByteString;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The gRPC errors the local server answers with, chosen so that Momento SDK 1.21.0
 * ({@code CacheServiceExceptionMapper}) reports the same exception as against the real service.
 */
final class MomentoErrors {

    /** Momento's default item size limit (key + value), 1 MiB. */
    static final int MAX_ITEM_BYTES = 1024 * 1024;

    /** The SDK reads this trailer to pick the message of its LimitExceededException. */
    private static final Metadata.Key<String> ERROR_CAUSE = Metadata.Key.of("err", Metadata.ASCII_STRING_MARSHALLER);

    private MomentoErrors() {}

    /** NOT_FOUND without "item_not_found"/"store_not_found" in it: the SDK's CacheNotFoundException. */
    static StatusRuntimeException cacheNotFound(String cacheName) {
        return Status.NOT_FOUND
                .withDescription("Cache not found: " + cacheName + " (create it first)")
                .asRuntimeException();
    }

    /** The SDK's CacheAlreadyExistsException. */
    static StatusRuntimeException cacheAlreadyExists(String cacheName) {
        return Status.ALREADY_EXISTS
                .withDescription("Cache already exists: " + cacheName)
                .asRuntimeException();
    }

    /** RESOURCE_EXHAUSTED with err=item_size_limit_exceeded: the SDK's LimitExceededException. */
    static StatusRuntimeException itemTooLarge(long itemBytes) {
        Metadata trailers = new Metadata();
        trailers.put(ERROR_CAUSE, "item_size_limit_exceeded");
        return Status.RESOURCE_EXHAUSTED
                .withDescription("Item size limit exceeded: key + value is " + itemBytes + " bytes, the limit is "
                        + MAX_ITEM_BYTES + " bytes (1 MB)")
                .asRuntimeException(trailers);
    }

    /** The SDK's BadRequestException. */
    static StatusRuntimeException invalidArgument(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }

    /** E.g. incrementing a value that is not a number; the SDK's BadRequestException. */
    static StatusRuntimeException failedPrecondition(String message) {
        return Status.FAILED_PRECONDITION.withDescription(message).asRuntimeException();
    }

    /** The SDK's AuthenticationException. Never put the presented key in the message. */
    static StatusRuntimeException unauthenticated(String message) {
        return Status.UNAUTHENTICATED.withDescription(message).asRuntimeException();
    }

    static void checkItemSize(ByteString key, ByteString value) {
        long size = (long) key.size() + value.size();
        if (size > MAX_ITEM_BYTES) {
            throw itemTooLarge(size);
        }
    }

    static void checkTtl(long ttlMillis) {
        if (ttlMillis <= 0) {
            throw invalidArgument("ttl_milliseconds must be greater than 0");
        }
    }
}
