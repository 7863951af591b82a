package com.example.localcloud.momento;

import com.example.localcloud.momento.LocalCache.TtlUpdateMode;
import com.google.protobuf.ByteString;
import grpc.cache_client.ECacheResult;
import grpc.cache_client.ScsGrpc;
import grpc.cache_client._DeleteRequest;
import grpc.cache_client._DeleteResponse;
import grpc.cache_client._GetBatchRequest;
import grpc.cache_client._GetRequest;
import grpc.cache_client._GetResponse;
import grpc.cache_client._IncrementRequest;
import grpc.cache_client._IncrementResponse;
import grpc.cache_client._ItemGetTtlRequest;
import grpc.cache_client._ItemGetTtlResponse;
import grpc.cache_client._KeysExistRequest;
import grpc.cache_client._KeysExistResponse;
import grpc.cache_client._SetBatchRequest;
import grpc.cache_client._SetIfNotExistsRequest;
import grpc.cache_client._SetIfNotExistsResponse;
import grpc.cache_client._SetIfRequest;
import grpc.cache_client._SetIfResponse;
import grpc.cache_client._SetRequest;
import grpc.cache_client._SetResponse;
import grpc.cache_client._UpdateTtlRequest;
import grpc.cache_client._UpdateTtlResponse;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The data plane (cache_client.Scs) for scalar items: the calls Momento SDK 1.21.0 makes for get, set, delete,
 * setIfNotExists, increment, updateTtl/increaseTtl/decreaseTtl, itemGetTtl, getBatch and setBatch, plus KeysExist
 * and SetIf (which newer SDKs use). Every other call keeps the generated base's answer: UNIMPLEMENTED,
 * "Method cache_client.Scs/&lt;Name&gt; is unimplemented".
 */
final class DataPlaneService extends ScsGrpc.ScsImplBase {

    private static final _GetResponse MISS = _GetResponse.newBuilder().setResult(ECacheResult.Miss).build();
    // The SDK treats any Set answer other than result=Ok as an error.
    private static final _SetResponse SET_OK = _SetResponse.newBuilder().setResult(ECacheResult.Ok).build();

    private final LocalCaches caches;
    private final StatsRecorder stats;

    DataPlaneService(LocalCaches caches, StatsRecorder stats) {
        this.caches = caches;
        this.stats = stats;
    }

    @Override
    public void get(_GetRequest request, StreamObserver<_GetResponse> response) {
        Calls.answer(response, () -> get(currentCache(), request.getCacheKey()));
    }

    @Override
    public void getBatch(_GetBatchRequest request, StreamObserver<_GetResponse> response) {
        answerStream(response, () -> {
            LocalCache cache = currentCache();
            return request.getItemsList().stream().map(item -> get(cache, item.getCacheKey())).toList();
        });
    }

    @Override
    public void set(_SetRequest request, StreamObserver<_SetResponse> response) {
        Calls.answer(response, () -> set(currentCache(), request));
    }

    @Override
    public void setBatch(_SetBatchRequest request, StreamObserver<_SetResponse> response) {
        answerStream(response, () -> {
            LocalCache cache = currentCache();
            return request.getItemsList().stream().map(item -> set(cache, item)).toList();
        });
    }

    @Override
    @SuppressWarnings("deprecation") // deprecated in the protos in favour of SetIf, but SDK 1.21.0 calls it
    public void setIfNotExists(_SetIfNotExistsRequest request, StreamObserver<_SetIfNotExistsResponse> response) {
        Calls.answer(response, () -> {
            boolean stored = conditionalSet(currentCache(), request.getCacheKey(), request.getCacheBody(),
                    request.getTtlMilliseconds(), Optional::isEmpty);
            _SetIfNotExistsResponse.Builder answer = _SetIfNotExistsResponse.newBuilder();
            return stored
                    ? answer.setStored(_SetIfNotExistsResponse._Stored.getDefaultInstance()).build()
                    : answer.setNotStored(_SetIfNotExistsResponse._NotStored.getDefaultInstance()).build();
        });
    }

    @Override
    public void setIf(_SetIfRequest request, StreamObserver<_SetIfResponse> response) {
        Calls.answer(response, () -> {
            boolean stored = conditionalSet(currentCache(), request.getCacheKey(), request.getCacheBody(),
                    request.getTtlMilliseconds(), conditionOf(request));
            _SetIfResponse.Builder answer = _SetIfResponse.newBuilder();
            return stored
                    ? answer.setStored(_SetIfResponse._Stored.getDefaultInstance()).build()
                    : answer.setNotStored(_SetIfResponse._NotStored.getDefaultInstance()).build();
        });
    }

    @Override
    public void delete(_DeleteRequest request, StreamObserver<_DeleteResponse> response) {
        Calls.answer(response, () -> {
            LocalCache cache = currentCache();
            cache.delete(request.getCacheKey());
            stats.recordDelete(cache.name());
            return _DeleteResponse.getDefaultInstance();
        });
    }

    @Override
    public void keysExist(_KeysExistRequest request, StreamObserver<_KeysExistResponse> response) {
        Calls.answer(response, () -> {
            LocalCache cache = currentCache();
            List<Boolean> exists = request.getCacheKeysList().stream().map(cache::exists).toList();
            return _KeysExistResponse.newBuilder().addAllExists(exists).build();
        });
    }

    @Override
    public void increment(_IncrementRequest request, StreamObserver<_IncrementResponse> response) {
        Calls.answer(response, () -> {
            MomentoErrors.checkTtl(request.getTtlMilliseconds());
            LocalCache cache = currentCache();
            try {
                long value = cache.increment(request.getCacheKey(), request.getAmount(), request.getTtlMilliseconds());
                return _IncrementResponse.newBuilder().setValue(value).build();
            } catch (NumberFormatException e) {
                throw MomentoErrors.failedPrecondition("The stored value is not a base 10 integer");
            } catch (ArithmeticException e) {
                throw MomentoErrors.failedPrecondition("The incremented value would overflow int64");
            }
        });
    }

    @Override
    public void updateTtl(_UpdateTtlRequest request, StreamObserver<_UpdateTtlResponse> response) {
        Calls.answer(response, () -> {
            LocalCache cache = currentCache();
            TtlUpdateMode mode;
            long ttl;
            switch (request.getUpdateTtlCase()) {
                case OVERWRITE_TO_MILLISECONDS -> {
                    mode = TtlUpdateMode.OVERWRITE;
                    ttl = request.getOverwriteToMilliseconds();
                }
                case INCREASE_TO_MILLISECONDS -> {
                    mode = TtlUpdateMode.INCREASE_ONLY;
                    ttl = request.getIncreaseToMilliseconds();
                }
                case DECREASE_TO_MILLISECONDS -> {
                    mode = TtlUpdateMode.DECREASE_ONLY;
                    ttl = request.getDecreaseToMilliseconds();
                }
                default -> throw MomentoErrors.invalidArgument("update_ttl is not set");
            }
            MomentoErrors.checkTtl(ttl);
            _UpdateTtlResponse.Builder answer = _UpdateTtlResponse.newBuilder();
            return switch (cache.updateTtl(request.getCacheKey(), mode, ttl)) {
                case SET -> answer.setSet(_UpdateTtlResponse._Set.getDefaultInstance()).build();
                case NOT_SET -> answer.setNotSet(_UpdateTtlResponse._NotSet.getDefaultInstance()).build();
                case MISSING -> answer.setMissing(_UpdateTtlResponse._Missing.getDefaultInstance()).build();
            };
        });
    }

    @Override
    public void itemGetTtl(_ItemGetTtlRequest request, StreamObserver<_ItemGetTtlResponse> response) {
        Calls.answer(response, () -> {
            OptionalLong remaining = currentCache().remainingTtlMillis(request.getCacheKey());
            _ItemGetTtlResponse.Builder answer = _ItemGetTtlResponse.newBuilder();
            if (remaining.isEmpty()) {
                return answer.setMissing(_ItemGetTtlResponse._Missing.getDefaultInstance()).build();
            }
            long millis = remaining.getAsLong();
            return answer.setFound(_ItemGetTtlResponse._Found.newBuilder().setRemainingTtlMillis(millis)).build();
        });
    }

    private _GetResponse get(LocalCache cache, ByteString key) {
        Optional<ByteString> value = cache.get(key);
        stats.recordGet(cache.name(), value.isPresent());
        return value.map(v -> _GetResponse.newBuilder().setResult(ECacheResult.Hit).setCacheBody(v).build())
                .orElse(MISS);
    }

    private _SetResponse set(LocalCache cache, _SetRequest request) {
        MomentoErrors.checkItemSize(request.getCacheKey(), request.getCacheBody());
        MomentoErrors.checkTtl(request.getTtlMilliseconds());
        cache.set(request.getCacheKey(), request.getCacheBody(), request.getTtlMilliseconds());
        stats.recordSet(cache.name());
        return SET_OK;
    }

    private boolean conditionalSet(LocalCache cache, ByteString key, ByteString value, long ttlMillis,
                                   Predicate<Optional<ByteString>> condition) {
        MomentoErrors.checkItemSize(key, value);
        MomentoErrors.checkTtl(ttlMillis);
        boolean stored = cache.setIf(key, value, ttlMillis, condition);
        if (stored) {
            stats.recordSet(cache.name());
        }
        return stored;
    }

    /** The SetIf condition as a test on the current value (empty = absent). */
    private static Predicate<Optional<ByteString>> conditionOf(_SetIfRequest request) {
        return switch (request.getConditionCase()) {
            case PRESENT -> Optional::isPresent;
            case ABSENT -> Optional::isEmpty;
            case EQUAL -> current -> current.equals(Optional.of(request.getEqual().getValueToCheck()));
            case NOT_EQUAL -> current -> !current.equals(Optional.of(request.getNotEqual().getValueToCheck()));
            case PRESENT_AND_NOT_EQUAL -> current -> current.isPresent()
                    && !current.get().equals(request.getPresentAndNotEqual().getValueToCheck());
            case ABSENT_OR_EQUAL -> current -> current.isEmpty()
                    || current.get().equals(request.getAbsentOrEqual().getValueToCheck());
            case CONDITION_NOT_SET -> throw MomentoErrors.invalidArgument("SetIf needs a condition");
        };
    }

    /** The cache named by the call's {@code cache} header; NOT_FOUND (the SDK's cache not found) if none. */
    private LocalCache currentCache() {
        String name = CacheNameInterceptor.CACHE_NAME.get();
        if (name == null || name.isBlank()) {
            throw MomentoErrors.invalidArgument("The 'cache' metadata header is missing");
        }
        return caches.find(name).orElseThrow(() -> {
            stats.recordCacheNotFound(name);
            return MomentoErrors.cacheNotFound(name);
        });
    }

    /** Answers a server-streaming call (GetBatch, SetBatch) with every result, or with the error thrown. */
    private static <T> void answerStream(StreamObserver<T> response, Supplier<List<T>> work) {
        List<T> results;
        try {
            results = work.get();
        } catch (StatusRuntimeException e) {
            response.onError(e);
            return;
        }
        results.forEach(response::onNext);
        response.onCompleted();
    }
}
