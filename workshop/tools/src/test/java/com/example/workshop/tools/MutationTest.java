package com.example.workshop.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.workshop.tools.check.Lesson;
import com.example.workshop.tools.check.steps.Curriculum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mutation of the attendee simulation still applies to its step's solution and names a lesson. */
class MutationTest {
    static final Path ROOT = AttendeeSimulationTest.ROOT;

    @TempDir
    Path copy;

    @Test
    void everyMutationChangesItsSolutionAndNamesALessonOfItsStep() throws IOException {
        for (Mutation mutation : Mutation.ALL) {
            Path solution = stage(mutation.step());
            Path file = copy.resolve("step-" + mutation.step()).resolve(mutation.file());
            Files.createDirectories(file.getParent());
            Files.copy(solution.resolve(mutation.file()), file);

            mutation.apply(copy.resolve("step-" + mutation.step()));

            assertThat(Files.readString(file)).as("step %d", mutation.step()).isNotEqualTo(Files.readString(solution.resolve(mutation.file())));
            assertThat(Curriculum.step(mutation.step()).orElseThrow().lessons()).extracting(Lesson::title)
                    .as("step %d's lessons", mutation.step()).contains(mutation.lesson());
        }
        assertThat(Mutation.ALL).extracting(Mutation::step).containsExactly(2, 3, 4, 5, 6, 7);
    }

    @Test
    void aMutationWhoseCodeIsGoneFailsLoudly() throws IOException {
        Files.writeString(copy.resolve("A.java"), "class A { int x; int x; }");

        assertThatThrownBy(() -> new Mutation(9, "lesson", "A.java", "int y;", "").apply(copy))
                .hasMessageContaining("exactly once");
        assertThatThrownBy(() -> new Mutation(9, "lesson", "A.java", "int x;", "").apply(copy))
                .hasMessageContaining("exactly once");
    }

    private static Path stage(int step) {
        return new Stages(ROOT).find("step-" + step).dir();
    }
}
