package com.example.localcloud.momento;

import grpc.control_client.ScsControlGrpc;
import grpc.control_client._Cache;
import grpc.control_client._CreateCacheRequest;
import grpc.control_client._CreateCacheResponse;
import grpc.control_client._DeleteCacheRequest;
import grpc.control_client._DeleteCacheResponse;
import grpc.control_client._FlushCacheRequest;
import grpc.control_client._FlushCacheResponse;
import grpc.control_client._ListCachesRequest;
import grpc.control_client._ListCachesResponse;
import io.grpc.stub.StreamObserver;

/**
 * The control plane (control_client.ScsControl): create, list, delete and flush caches. Signing
 * keys, indexes and stores keep the generated base's UNIMPLEMENTED answer.
 */
final class ControlPlaneService extends ScsControlGrpc.ScsControlImplBase {

    private final LocalCaches caches;

    ControlPlaneService(LocalCaches caches) {
        this.caches = caches;
    }

    @Override
    public void createCache(_CreateCacheRequest request, StreamObserver<_CreateCacheResponse> response) {
        Calls.answer(response, () -> {
            String name = validName(request.getCacheName());
            if (!caches.create(name)) {
                throw MomentoErrors.cacheAlreadyExists(name);
            }
            return _CreateCacheResponse.getDefaultInstance();
        });
    }

    @Override
    public void deleteCache(_DeleteCacheRequest request, StreamObserver<_DeleteCacheResponse> response) {
        Calls.answer(response, () -> {
            String name = validName(request.getCacheName());
            if (!caches.delete(name)) {
                throw MomentoErrors.cacheNotFound(name);
            }
            return _DeleteCacheResponse.getDefaultInstance();
        });
    }

    @Override
    public void flushCache(_FlushCacheRequest request, StreamObserver<_FlushCacheResponse> response) {
        Calls.answer(response, () -> {
            String name = validName(request.getCacheName());
            caches.find(name).orElseThrow(() -> MomentoErrors.cacheNotFound(name)).flush();
            return _FlushCacheResponse.getDefaultInstance();
        });
    }

    @Override
    public void listCaches(_ListCachesRequest request, StreamObserver<_ListCachesResponse> response) {
        // One page holds every cache, so next_token stays empty.
        Calls.answer(response, () -> {
            _ListCachesResponse.Builder answer = _ListCachesResponse.newBuilder();
            caches.names().forEach(name -> answer.addCache(_Cache.newBuilder().setCacheName(name)));
            return answer.build();
        });
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw MomentoErrors.invalidArgument("cache_name must not be empty");
        }
        return name;
    }
}
