package com.example.localcloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.localcloud.config.FunctionConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvocationReportTest {

    @Test
    void coldStartLineLooksLikeLambdas() {
        InvocationReport report = new InvocationReport("createUser", 1, "8f5c-1", 12.345, 470, 1024, 150, 456.78,
                InvocationResult.Status.SUCCESS, 11.0);

        assertThat(report.toLogLine()).isEqualTo("REPORT RequestId: 8f5c-1\tDuration: 12.35 ms\tBilled Duration: 470 ms"
                + "\tMemory Size: 1024 MB\tMax Memory Used: 150 MB\tInit Duration: 456.78 ms");
        assertThat(report.coldStart()).isTrue();
        assertThat(report.environmentId()).isEqualTo("createUser#1");
    }

    @Test
    void warmStartHasNoInitDurationAndTimeoutsSaySo() {
        InvocationReport warm = new InvocationReport("getUser", 2, "id", 3.0, 3, 512, 90, null, InvocationResult.Status.SUCCESS, 2.5);
        InvocationReport timeout = new InvocationReport("getUser", 2, "id", 3000.0, 3000, 512, 90, null,
                InvocationResult.Status.TIMEOUT, null);

        assertThat(warm.toLogLine()).doesNotContain("Init Duration").endsWith("Max Memory Used: 90 MB");
        assertThat(timeout.toLogLine()).endsWith("\tStatus: timeout");
    }

    @Test
    void eachFunctionGetsItsOwnAccessKeyOfLettersAndDigits() {
        FunctionCredentials credentials = new FunctionCredentials(List.of(function("create-user"), function("createuser"),
                function("getUser")));

        assertThat(credentials.accessKeyId(function("create-user"))).isEqualTo("LOCALcreateuser");
        assertThat(credentials.accessKeyId(function("createuser"))).isEqualTo("LOCALcreateuser2");
        assertThat(credentials.accessKeyId(function("getUser"))).isEqualTo("LOCALgetUser");
        assertThat(credentials.function("LOCALgetUser")).get().extracting(FunctionConfig::name).isEqualTo("getUser");
        assertThat(credentials.function("AKIAUNKNOWN")).isEmpty();
    }

    private static FunctionConfig function(String name) {
        return new FunctionConfig(name, "svc-dev-" + name, "x.Handler", "java21", 1024, 6, Map.of(), List.of(), List.of(),
                Path.of("app.jar"));
    }
}
