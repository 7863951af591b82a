package com.example.workshop.tools;

import java.io.IOException;
import java.nio.file.Files;
import picocli.CommandLine.Command;

@Command(name = "list", description = "List the stages, and which one the working copy started from.")
class ListCommand extends StageCommand {
    ListCommand(Stages stages) {
        super(stages);
    }

    @Override
    public Integer call() throws IOException {
        String current = Files.readString(stages.root().resolve(Stages.MARKER)).strip();
        for (Stages.Stage stage : stages.all()) {
            out().printf("%s %s%n", stage.name().equals(current) ? "*" : " ", stage.name());
        }
        return 0;
    }
}
