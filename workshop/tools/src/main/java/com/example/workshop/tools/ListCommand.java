package com.example.workshop.tools;

import java.io.IOException;
import picocli.CommandLine.Command;

@Command(name = "list", description = "List the stages, and which one the working copy started from.")
class ListCommand extends StageCommand {
    ListCommand(Stages stages) {
        super(stages);
    }

    @Override
    public Integer call() throws IOException {
        String current = stages.marked().orElse(null);
        for (Stages.Stage stage : stages.all()) {
            out().printf("%s %s%n", stage.name().equals(current) ? "*" : " ", stage.name());
        }
        if (stages.named(current).isEmpty()) {
            out().printf("(%s names no stage%s: git checkout -- %s brings back the committed one.)%n", Stages.MARKER,
                    current == null ? "" : " ('" + current + "')", Stages.MARKER);
        }
        return 0;
    }
}
