package com.example.workshop.tools.check.steps;

import com.example.workshop.tools.check.StepLessons;
import java.util.List;
import java.util.Optional;

/** Every step's lessons, by step number. */
public final class Curriculum {
    private static final List<StepLessons> STEPS = List.of(
            Step1LambdaDynamoDb.lessons(),
            Step2MomentoClient.lessons(),
            Step3ReadAside.lessons(),
            Step4WriteAside.lessons(),
            Step5FanOut.lessons(),
            Step6StreamCacher.lessons(),
            Step7StreamConsumer.lessons());

    private Curriculum() {
    }

    public static List<StepLessons> all() {
        return STEPS;
    }

    public static Optional<StepLessons> step(int number) {
        return STEPS.stream().filter(step -> step.number() == number).findFirst();
    }
}
