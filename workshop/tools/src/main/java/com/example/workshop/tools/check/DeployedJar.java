package com.example.workshop.tools.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** What the jar the local cloud deployed holds: what a deployment would upload. */
public final class DeployedJar {
    private DeployedJar() {
    }

    static final String HOLDS_NO_GRPC = " holds no gRPC yet";
    static final String NEVER_LOADED = "which Lambda never loads";
    static final String NEVER_USED = "which the service never uses";

    /** Whether the problems a probe met are all the jar's (the build's, not the deployment's settings). */
    static boolean allAboutTheJar(List<String> problems) {
        return !problems.isEmpty() && problems.stream().allMatch(problem -> problem.contains(HOLDS_NO_GRPC)
                || problem.contains(NEVER_LOADED) || problem.contains(NEVER_USED));
    }

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
                        + megabytes + " MB, e.g. " + neverLoaded.get(0).getName() + "), " + NEVER_LOADED + ": " + (filtersGrpc(jar.getParent().getParent().resolve("pom.xml"))
                                ? "the shade plugin's <filter> for io.grpc:grpc-netty-shaded lets them through: its <exclude>s"
                                        + " must match their names, META-INF/native/*osx* and META-INF/native/*windows*"
                                : otherGrpcFilter(jar.getParent().getParent().resolve("pom.xml")).map(named -> "the shade plugin's"
                                        + " <filter> names " + named + ", while the libraries come in io.grpc:grpc-netty-shaded:"
                                        + " its <artifact> must name that one")
                                .orElse("the shade plugin's <filters> need a second <filter>, for io.grpc:grpc-netty-shaded, that"
                                        + " excludes META-INF/native/*osx* and META-INF/native/*windows*")));
            }
            holdsNoUnusedHttpClient(zip, jar);
        }
    }

    /** The AWS SDK's HTTP clients that a service dependency brings unless excluded: artifact, name, their classes' folders. */
    private record HttpClient(String artifactId, String name, List<String> folders) {
    }

    private static final List<HttpClient> UNUSED_HTTP_CLIENTS = List.of(
            new HttpClient("apache5-client", "Apache 5", List.of("software/amazon/awssdk/http/apache5/", "org/apache/hc/")),
            new HttpClient("netty-nio-client", "Netty", List.of("software/amazon/awssdk/http/nio/netty/", "io/netty/")));

    /**
     * The service builds its AWS clients with the URLConnection client, so the SDK's other HTTP clients, which every
     * service dependency brings at run time, are only weight (megabytes Lambda downloads and unpacks at each cold start):
     * each AWS dependency in pom.xml excludes them. gRPC's own Netty is shaded under io/grpc, apart from these.
     */
    private static void holdsNoUnusedHttpClient(ZipFile zip, Path jar) throws ProbeFailure {
        for (HttpClient client : UNUSED_HTTP_CLIENTS) {
            List<? extends ZipEntry> entries = zip.stream()
                    .filter(entry -> client.folders().stream().anyMatch(folder -> entry.getName().startsWith(folder))).toList();
            if (entries.isEmpty()) {
                continue;
            }
            double megabytes = entries.stream().mapToLong(ZipEntry::getSize).sum() / 1e6;
            List<String> lacking = PomParts.awsDependenciesNotExcluding(jar.getParent().getParent().resolve("pom.xml"),
                    client.artifactId());
            throw new ProbeFailure("target/" + jar.getFileName() + " holds the AWS SDK's " + client.name() + " HTTP client ("
                    + String.format(Locale.ROOT, "%.1f", megabytes) + " MB unpacked, e.g. " + entries.get(0).getName()
                    + "), " + NEVER_USED + ": its AWS clients are built with the URLConnection client. In pom.xml, "
                    + (lacking.isEmpty() ? "an AWS dependency" : String.join(" and ", lacking)) + (lacking.size() > 1 ? " lack" : " lacks")
                    + " an <exclusion> of " + client.artifactId() + (lacking.isEmpty() || lacking.contains("dynamodb") ? ""
                            : ", as dynamodb's <exclusions> have it"));
        }
    }

    /** A shade filter for another of gRPC's artifacts ("io.grpc:grpc-netty"), when pom.xml has one: a name typed amiss. */
    private static Optional<String> otherGrpcFilter(Path pom) {
        try {
            Matcher filter = Pattern.compile("<artifact>\\s*(io\\.grpc:[\\w.-]+)\\s*</artifact>").matcher(Files.readString(pom));
            return filter.find() ? Optional.of(filter.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
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
