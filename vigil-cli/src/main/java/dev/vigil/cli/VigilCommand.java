package dev.vigil.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command: runtime security for serverless functions. */
@Command(
        name = "vigil",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runtime security for serverless functions.",
        subcommands = {
            DemoCommand.class,
            InspectCommand.class,
            HuntCommand.class,
            ScanCommand.class,
            BenchCommand.class,
            PolicyCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Docs: docs/ in the repository. Exit codes: 0 ok, 1 findings/failed check, 2 usage error, 3 I/O or internal error."
        })
public final class VigilCommand extends GroupCommand {

    /** The configured command line (exit codes and error handling set), for {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new VigilCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("vigil: " + ex.getMessage());
            return ExitCodes.INTERNAL;
        });
        return cl;
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
