package com.example.localcloud.momento;

import java.nio.file.Path;

/**
 * A trust store on disk and how to open it: the values of the JVM's
 * {@code javax.net.ssl.trustStore}, {@code trustStorePassword} and {@code trustStoreType}.
 */
public record TrustStoreFile(Path path, String password, String type) {}
