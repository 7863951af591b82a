package com.example.workshop.tools;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", description = {
        "Show what changes from one stage to another (pom.xml, serverless.yml, src/).",
        "With one stage, compare it with your working copy."})
class DiffCommand extends StageCommand {
    @Parameters(index = "0", paramLabel = "FROM")
    String from;

    @Parameters(index = "1", paramLabel = "TO", arity = "0..1", description = "default: your working copy")
    String to;

    @Option(names = "--stat", description = "Only list the changed files.")
    boolean stat;

    DiffCommand(Stages stages) {
        super(stages);
    }

    @Override
    public Integer call() {
        String fromDir = "solutions/" + stages.find(from).name() + "/";
        String toDir = to == null ? "" : "solutions/" + stages.find(to).name() + "/";
        StringBuilder all = new StringBuilder();
        for (String entry : Stages.ENTRIES) {
            List<String> args = new ArrayList<>(List.of("diff", "--no-index"));
            args.add(System.console() != null ? "--color=always" : "--color=never");
            if (stat) {
                args.add("--stat");
            }
            args.addAll(List.of("--", fromDir + entry, toDir + entry));
            Git.Result result = git.exec(null, args.toArray(String[]::new));
            if (result.exitCode() > 1) { // 1 only means "there are differences"
                throw new WorkshopException("git diff failed: " + result.err().strip());
            }
            all.append(result.out());
        }
        out().print(all.isEmpty() ? "No differences.\n" : all);
        out().flush();
        return 0;
    }
}
