package com.example.localcloud.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StageWordsTest {

    @Test
    void aStageIsKnownByItsShortNameOrItsSolutionsFolder() {
        assertThat(StageWords.caches("step-3")).startsWith("Read-aside");
        assertThat(StageWords.caches("step-4-write-aside")).startsWith("Write-aside");
    }

    @Test
    void anyOtherFolderIsTheAttendeesCode() {
        assertThat(StageWords.caches("momento-workshop")).isEqualTo("Your code, as it is now");
        assertThat(StageWords.caches("step-10")).isEqualTo("Your code, as it is now");
    }
}
