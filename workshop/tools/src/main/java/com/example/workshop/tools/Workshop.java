package com.example.workshop.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** The workshop's stage tools. Run with --help for the commands. */
@Command(name = "workshop", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, // every command takes --help
        description = "Stage tools for the Momento serverless caching workshop, and the activity producer.",
        subcommands = {ListCommand.class, StartCommand.class, CheckCommand.class, UseCommand.class, DiffCommand.class,
                BranchesCommand.class, ProduceCommand.class, PrepareCommand.class, CommandLine.HelpCommand.class})
public class Workshop implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Windows' own shells (PowerShell, the Command Prompt), not Git Bash, which sets MSYSTEM and takes the guides' form. */
    private static final boolean WINDOWS_SHELL = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows")
            && System.getenv("MSYSTEM") == null;

    /** A command of these tools as the attendee types it at the repository's root, e.g. {@code command("use step-3")}. */
    public static String command(String arguments) {
        return command(arguments, WINDOWS_SHELL);
    }

    /**
     * The guides' form, or on Windows one that PowerShell and the Command Prompt both take as
     * printed: {@code .\mvnw}, and the option quoted whole, as PowerShell splits an unquoted
     * {@code -Dexec.args=...} at its dot.
     */
    static String command(String arguments, boolean windowsShell) {
        return windowsShell ? ".\\mvnw -q -f workshop/tools compile exec:java \"-Dexec.args=" + arguments + "\""
                : "./mvnw -q -f workshop/tools compile exec:java -Dexec.args=\"" + arguments + "\"";
    }

    public static void main(String[] args) {
        // Numbers as in the commands, file names and test counts the tools quote (Latin digits, a
        // decimal point), whatever the attendee's locale.
        Locale.setDefault(Locale.Category.FORMAT, Locale.ROOT);
        Path root = rootDirectory();
        // In the console's own charset, as ✔ and ✘ are chosen: a Windows code page is not the default charset.
        java.nio.charset.Charset console = com.example.workshop.tools.check.Checklist.stdoutCharset();
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, console), true);
        if (!sameDirectory(Path.of(""), root)) { // every command and path the tools print starts at the root
            err.println("Note: the commands and paths below are for the repository's root, " + root + " (cd there first).");
        }
        System.exit(run(root, new PrintWriter(new java.io.OutputStreamWriter(System.out, console), true), err, args));
    }

    /** Runs a command against the repository at {@code root}; returns the exit code. */
    public static int run(Path root, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Workshop(), new Factory(root));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            if (exception instanceof WorkshopException) {
                err.println(exception.getMessage());
                return 1;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (java.io.IOException e) {
            return true; // cannot tell: say nothing
        }
    }

    private static Path rootDirectory() {
        return Path.of(System.getProperty("workshop.root", ".")).toAbsolutePath().normalize();
    }

    /** Hands every command the repository root. */
    private record Factory(Path root) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (StageCommand.class.isAssignableFrom(type)) {
                return type.getDeclaredConstructor(Stages.class).newInstance(new Stages(root));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}

/** A subcommand that works on the repository's stages. */
abstract class StageCommand implements Callable<Integer> {
    protected final Stages stages;
    protected final Git git;

    @Spec
    CommandLine.Model.CommandSpec spec;

    StageCommand(Stages stages) {
        this.stages = stages;
        this.git = new Git(stages.root());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** A command of these tools as the attendee types it at the repository's root, e.g. {@code tool("use step-3")}. */
    static String tool(String arguments) {
        return Workshop.command(arguments);
    }
}
