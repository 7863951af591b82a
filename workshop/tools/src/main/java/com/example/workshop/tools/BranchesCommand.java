package com.example.workshop.tools;

import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;

/**
 * Builds the branches with git plumbing (mktree, commit-tree, update-ref): no checkout, no
 * index change, so the current branch and its uncommitted work are never touched.
 */
@Command(name = "branches", description = {
        "Create or update local branches step-1 ... step-N, one per step (the tutorial's branch-per-step flow).",
        "Each is one commit whose root holds that stage, step-1's on top of the last commit (HEAD), each next step's on"
                + " the one before; idempotent."})
class BranchesCommand extends StageCommand {
    /** The author of the commits this command makes: a branch whose last commit has another is the attendee's work. */
    private static final String AUTHOR_EMAIL = "workshop@localhost";

    BranchesCommand(Stages stages) {
        super(stages);
    }

    @Override
    public Integer call() {
        String head = git.run("rev-parse", "--verify", "HEAD^{commit}").strip();
        String currentBranch = git.exec(null, "symbolic-ref", "--quiet", "--short", "HEAD").out().strip();
        refuseToDropCommitsOfYours();
        // Planned before any change, each tree made once: a refusal halfway would leave half the branches rebuilt.
        List<Stages.Stage> all = stages.all();
        List<String> trees = all.stream().map(stage -> treeWithStageAtRoot(head, stage)).toList();
        List<String> existing = all.stream().map(stage -> existing(stage.branch())).toList();
        String parent = head; // step-1 grows from your last commit, so a branch of yours can merge or diff any step-N
        int firstChange = 0; // once one branch is made anew, every one after it is too (its parent changed)
        while (firstChange < all.size() && !existing.get(firstChange).isEmpty()
                && isSameCommit(existing.get(firstChange), trees.get(firstChange), parent)) {
            parent = existing.get(firstChange++);
        }
        if (all.subList(firstChange, all.size()).stream().anyMatch(stage -> stage.branch().equals(currentBranch))) {
            throw new WorkshopException(currentBranch + " is checked out, and this would make it anew: switch to your own"
                    + " branch first (git switch main, say), then run this again.");
        }
        for (int i = 0; i < all.size(); i++) {
            Stages.Stage stage = all.get(i);
            if (i < firstChange) {
                out().printf("%-8s up to date (%s)%n", stage.branch(), stage.name());
                continue;
            }
            // Generated commits get a fixed author, so this works where git has no identity set.
            String commit = git.run("-c", "user.name=Workshop stage tools", "-c", "user.email=" + AUTHOR_EMAIL,
                    "commit-tree", trees.get(i), "-p", parent, "-m", "Step " + stage.number() + ": " + stage.name()).strip();
            git.run("update-ref", "refs/heads/" + stage.branch(), commit);
            out().printf("%-8s %s (%s)%n", stage.branch(), existing.get(i).isEmpty() ? "created" : "updated", stage.name());
            parent = commit;
        }
        if (!git.changes().isBlank()) {
            // git switch refuses to overwrite uncommitted changes; and a branch holds a finished stage, not the attendee's code
            out().println("Your working copy has uncommitted changes, which git switch refuses to leave behind: commit them"
                    + " first (git add -A && git commit -m \"my work\"). Each branch is your last commit with a finished"
                    + " stage's pom.xml, serverless.yml and src/, so your own code is on your branch only.");
        }
        out().println("Try: git switch step-1   (and later: git diff step-1 step-2; "
                + (currentBranch.isEmpty() ? "git switch --detach " + head.substring(0, 12) + " brings you back"
                        : "git switch " + currentBranch + " brings you back") + ")");
        return 0;
    }

    private String existing(String branch) {
        return git.exec(null, "rev-parse", "--verify", "--quiet", "refs/heads/" + branch + "^{commit}").out().strip();
    }

    /** A step branch the attendee committed on (its last commit is not this command's) would lose that commit. */
    private void refuseToDropCommitsOfYours() {
        List<String> yours = stages.all().stream().map(Stages.Stage::branch).filter(branch -> !existing(branch).isEmpty())
                .filter(branch -> !git.run("log", "-1", "--format=%ae", "refs/heads/" + branch).strip().equals(AUTHOR_EMAIL))
                .toList();
        if (!yours.isEmpty()) {
            String first = yours.get(0);
            throw new WorkshopException(String.join(", ", yours) + (yours.size() == 1 ? " has" : " have") + " commits of yours on"
                    + " top (git log -3 " + first + "), which making the branches anew would drop. Keep them under another name"
                    + " (git branch -m " + first + " my-" + first + "), or drop them (git branch -D " + first + "); then run this again.");
        }
    }

    /** HEAD's tree with the root's pom.xml, serverless.yml, src/ and .workshop-stage taken from the stage. */
    private String treeWithStageAtRoot(String head, Stages.Stage stage) {
        Set<String> replaced = Set.of("pom.xml", "serverless.yml", "src", Stages.MARKER);
        StringBuilder entries = new StringBuilder();
        for (String entry : git.run("ls-tree", "-z", head).split("\0")) {
            if (!entry.isEmpty() && !replaced.contains(entry.substring(entry.indexOf('\t') + 1))) {
                entries.append(entry).append('\0');
            }
        }
        String stagePath = "solutions/" + stage.name();
        for (String entry : git.run("ls-tree", "-z", head + ":" + stagePath).split("\0")) {
            if (!entry.isEmpty() && Stages.ENTRIES.contains(entry.substring(entry.indexOf('\t') + 1))) {
                entries.append(entry).append('\0');
            }
        }
        String marker = git.runWithInput(stage.name() + "\n", "hash-object", "-w", "--stdin").strip();
        entries.append("100644 blob ").append(marker).append('\t').append(Stages.MARKER).append('\0');
        return git.runWithInput(entries.toString(), "mktree", "-z").strip();
    }

    private boolean isSameCommit(String commit, String tree, String parent) {
        String existingTree = git.run("rev-parse", commit + "^{tree}").strip();
        String existingParents = git.run("rev-list", "--parents", "-n", "1", commit).strip();
        return existingTree.equals(tree) && existingParents.equals(commit + " " + parent);
    }
}
