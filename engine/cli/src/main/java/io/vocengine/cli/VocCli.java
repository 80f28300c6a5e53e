package io.vocengine.cli;

import io.vocengine.engine.ingest.IngestException;
import io.vocengine.taxonomy.TaxonomyException;
import picocli.CommandLine;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;

/** Entry point of the {@code voc} command line. */
@Command(name = "voc", mixinStandardHelpOptions = true, version = "voc 0.1.0",
        description = "Chinese voice-of-customer engine: clean, tag, index and search customer feedback.",
        subcommands = {DemoCommand.class, IngestCommand.class, TagCommand.class, SearchCommand.class,
                EvalCommand.class, ServeCommand.class, BenchCommand.class, TrainCommand.class})
public final class VocCli implements Runnable {
    /**
     * Lucene logs advice about the Vector API at every start; it concerns vector search, which the engine does not
     * use. Held in a field because java.util.logging keeps loggers only weakly.
     */
    private static final Logger LUCENE_VECTORS = Logger.getLogger("org.apache.lucene.internal.vectorization");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        LUCENE_VECTORS.setLevel(Level.SEVERE);
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    static CommandLine commandLine() {
        return new CommandLine(new VocCli())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("voc " + cmd.getCommandName() + ": " + message(e));
                    if (Boolean.getBoolean("voc.debug")) e.printStackTrace(cmd.getErr());
                    if (e instanceof UserError u) return u.exitCode();
                    return e instanceof IngestException || e instanceof TaxonomyException ? 2 : 1;
                });
    }

    /** The message of the first cause that has one, past class-initialisation errors that wrap a resource's failure. */
    static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof LinkageError)) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
