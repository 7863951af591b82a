package com.example.workshop.tools;

import com.example.workshop.tools.check.LastCheck;
import java.io.IOException;
import java.util.Optional;
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
            return 0;
        }
        // Started is not done: say what the last check of that step found, if one ran since the last clean.
        Optional<LastCheck> last = LastCheck.read(stages.root(), current);
        out().printf("The working copy is at %s; %s.%n", current, last.isPresent() ? last.get().describe(stages.root())
                : "no check of it has run here yet, or since target/ was cleaned (check says where it stands)");
        Optional<Stages.Stage> next = stages.named(current).flatMap(stage -> stages.numbered(stage.number() + 1));
        if (last.isPresent() && last.get().passedOnTheCodeAsItIs(stages.root()) && next.isPresent()) {
            out().printf("Next: %s%n", tool("start " + next.get().branch())); // after a break: where to go on
        }
        return 0;
    }
}
