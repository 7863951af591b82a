package com.example.workshop.tools.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** What the jar the local cloud deployed holds: what a deployment would upload. */
public final class DeployedJar {
    private DeployedJar() {
    }

    static final String HOLDS_NO_GRPC = " holds no gRPC yet";

    /**
     * Step 2's lesson on the jar: the Momento SDK's gRPC is in it (without it, there is nothing to
     * leave out yet, and the line would pass before its edit is made), and none of gRPC's libraries
     * that Lambda never loads.
     */
    public static void holdsGrpcForLinuxOnly(LocalService service) throws IOException, ProbeFailure {
        Path jar = service.deployedJarIfAny().filter(Files::isRegularFile).orElse(null);
        if (jar == null) {
            return;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.stream().noneMatch(entry -> entry.getName().startsWith("io/grpc/netty/shaded/"))) {
                throw new ProbeFailure("target/" + jar.getFileName() + HOLDS_NO_GRPC + ", so nothing to leave out: the"
                        + " Momento SDK's dependency in pom.xml brings it, and the shade plugin's filter for it follows");
            }
        }
        leavesOutWhatLambdaNeverLoads(service);
    }

    /**
     * gRPC's Netty ships native TLS libraries for every platform, and Lambda (Linux) loads only the
     * Linux ones: step 2's shade filter leaves the others out. Nothing to look at where the service
     * has no working copy (a test's).
     */
    public static void leavesOutWhatLambdaNeverLoads(LocalService service) throws IOException, ProbeFailure {
        Path jar = service.deployedJarIfAny().filter(Files::isRegularFile).orElse(null);
        if (jar == null) {
            return;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> neverLoaded = zip.stream()
                    .filter(entry -> entry.getName().matches("META-INF/native/[^/]*(osx|windows)[^/]*")).toList();
            if (!neverLoaded.isEmpty()) {
                long megabytes = Math.round(neverLoaded.stream().mapToLong(ZipEntry::getSize).sum() / 1e6);
                boolean macOs = neverLoaded.stream().anyMatch(entry -> entry.getName().contains("osx"));
                boolean windows = neverLoaded.stream().anyMatch(entry -> entry.getName().contains("windows"));
                String platforms = macOs && windows ? "macOS and Windows" : macOs ? "macOS" : "Windows";
                String libraries = neverLoaded.size() == 1 ? "1 native library" : neverLoaded.size() + " native libraries";
                throw new ProbeFailure("target/" + jar.getFileName() + " holds " + libraries + " for " + platforms + " ("
                        + megabytes + " MB, e.g. " + neverLoaded.get(0).getName() + "), which Lambda never loads: " + (filtersGrpc(jar.getParent().getParent().resolve("pom.xml"))
                                ? "the shade plugin's <filter> for io.grpc:grpc-netty-shaded lets them through: its <exclude>s"
                                        + " must match their names, META-INF/native/*osx* and META-INF/native/*windows*"
                                : "the shade plugin's <filters> need a second <filter>, for io.grpc:grpc-netty-shaded, that"
                                        + " excludes META-INF/native/*osx* and META-INF/native/*windows*"));
            }
        }
    }

    /** Whether pom.xml has a shade filter for gRPC's Netty already (its excludes then miss the names). */
    private static boolean filtersGrpc(Path pom) {
        try {
            return Files.readString(pom).matches("(?s).*<artifact>\\s*io\\.grpc:grpc-netty-shaded\\s*</artifact>.*");
        } catch (IOException e) {
            return false;
        }
    }
}
