package com.example.workshop.tools;

import com.example.workshop.tools.prepare.MirrorLayout;
import com.example.workshop.tools.prepare.OfflineByDefault;
import com.example.workshop.tools.prepare.Readiness;
import com.example.workshop.tools.prepare.WorkshopChecks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "prepare", mixinStandardHelpOptions = true, description = {
        "Before the workshop, on a good network: make this repository ready for offline use.",
        "Downloads everything every step needs, builds what can be built, then checks with",
        "Maven offline that each step builds, starts and answers. Ends with one line:",
        "READY for offline use, or what is missing.",
        "After a READY, Maven stays offline in this repository (.mvn/maven.config).",
        "In the room, with the network off: prepare --check."})
class PrepareCommand extends StageCommand {
    @Option(names = "--check", description = {"Only check, with Maven offline: download nothing,",
            "leave .mvn/maven.config as it is."})
    boolean checkOnly;

    @Option(names = "--for-mirror", description = {"After a READY, also make the local Maven repository",
            "(-Dmaven.repo.local, else ~/.m2/repository) serve other",
            "laptops as a mirror, from a folder or a file server",
            "(see workshop/00-setup.md)."})
    boolean forMirror;

    PrepareCommand(Stages stages) {
        super(stages);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        String repository = System.getProperty("maven.repo.local", "");
        if (repository.chars().anyMatch(Character::isWhitespace)) {
            // It reaches the Mavens prepare starts through MAVEN_ARGS, which Maven's launch script splits at spaces.
            throw new WorkshopException("-Dmaven.repo.local=" + repository + " has a space in it, which the Mavens that prepare"
                    + " starts would read as two arguments: give a folder whose path has none (e.g. /media/usb/workshop-m2).");
        }
        if (checkOnly && forMirror) {
            throw new WorkshopException("--check downloads nothing, and --for-mirror downloads Maven's zip into the repository:"
                    + " run prepare --for-mirror alone (it checks everything too), and prepare --check later, offline.");
        }
        // Its builds use the working copy's target/ as check's do, and check stops a build it finds there running.
        try (WorkingCopyLock lock = WorkingCopyLock.take(stages.root(), "prepare")) {
            return prepare();
        }
    }

    private int prepare() throws IOException, InterruptedException {
        OfflineByDefault offline = new OfflineByDefault(stages.root());
        if (checkOnly) {
            out().println("Checking that every step builds, starts and answers with Maven offline (downloads nothing).");
        } else {
            offline.turnOff(); // an earlier prepare's -o would stop the downloads
            out().println("Preparing for the workshop: each check runs with Maven offline; what is missing is downloaded"
                    + " and built, then checked offline again. Logs: target/workshop-prepare/");
        }
        out().flush();
        Readiness.Result result = new Readiness(
                WorkshopChecks.of(stages.root(), stages.all().stream().map(Stages.Stage::dir).toList()), out())
                .run(!checkOnly);
        out().println();
        if (result.ready() && checkOnly) {
            offline.noteAfterACheck().ifPresent(out()::println);
        }
        if (result.ready() && !checkOnly) {
            offline.turnOn();
            out().println("From now on Maven runs offline in this repository (the line -o in .mvn/maven.config): no build"
                    + " reaches the network. To let Maven download again, run prepare again, or delete that line.");
        }
        if (result.ready() && forMirror) {
            Path repository = MirrorLayout.localRepository();
            int written = MirrorLayout.addRemoteMetadata(repository);
            out().println("Ready to serve as a mirror: " + repository + " (" + written + " maven-metadata.xml "
                    + (written == 1 ? "file" : "files") + " written).");
            try {
                Path zip = MirrorLayout.addMavenDistribution(repository, stages.root());
                out().println("Maven itself, for MVNW_REPOURL: " + repository.relativize(zip) + ".");
            } catch (IOException e) {
                out().println("Maven itself is not in the mirror (" + e.getMessage() + "): attendees need the wrapper folder"
                        + " (see workshop/00-setup.md).");
            }
        }
        gitIdentityNote(git).ifPresent(out()::println);
        out().println(result.verdict());
        return result.ready() ? 0 : 1;
    }

    /**
     * A new laptop's git may have no name and email, and then refuses every commit, which the guides
     * ask for. Not a check of its own: the workshop runs without commits, and the fix takes a line.
     */
    static Optional<String> gitIdentityNote(Git git) {
        try {
            if (git.exec(null, "var", "GIT_COMMITTER_IDENT").exitCode() == 0) {
                return Optional.empty();
            }
        } catch (WorkshopException noGit) { // a ZIP download on a machine without git: prepare's verdict still comes
            return Optional.empty();
        }
        return Optional.of("Note: git has no name and email here, so it refuses to commit (the guides ask you to): set them"
                + " with git config --global user.name \"Your Name\" and git config --global user.email you@example.com");
    }
}
