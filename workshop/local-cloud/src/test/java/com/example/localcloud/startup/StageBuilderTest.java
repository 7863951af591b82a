package com.example.localcloud.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StageBuilderTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(StageBuilder.OFFLINE_PROPERTY);
    }

    @Test
    void theStagesBuildIsOfflineWhenTheMavenThatStartedUsIs() {
        System.setProperty(StageBuilder.OFFLINE_PROPERTY, "offline=true"); // what the exec plugin passes for ./mvnw -o
        InvocationRequest request = StageBuilder.request(Path.of("solutions/step-1"), new ArrayList<>());
        assertTrue(request.isOffline());
        assertEquals(List.of("package"), request.getArgs());
        assertEquals("true", request.getProperties().getProperty("maven.test.skip"));
    }

    @Test
    void onlineOtherwise() {
        System.setProperty(StageBuilder.OFFLINE_PROPERTY, "offline=false");
        assertFalse(StageBuilder.request(Path.of("solutions/step-1"), new ArrayList<>()).isOffline());
        System.clearProperty(StageBuilder.OFFLINE_PROPERTY); // a plain run of the class, not through exec:java
        assertFalse(StageBuilder.request(Path.of("solutions/step-1"), new ArrayList<>()).isOffline());
    }
}
