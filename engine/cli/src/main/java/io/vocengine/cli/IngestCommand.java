package io.vocengine.cli;

import io.vocengine.engine.run.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code voc ingest}: analyse a file and add it to the index. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Analyse a JSON Lines or CSV file and add it to the index. Bad records go to the dead-letter file.")
final class IngestCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engine;

    @Mixin
    InputOptions input;

    @Parameters(paramLabel = "FILE", description = "Input file (.jsonl or .csv; UTF-8, GBK or GB18030).")
    Path file;

    @Override
    public Integer call() throws Exception {
        RunSummary s = IngestRun.run(engine.engine(), file, input.options(), engine.dataDir, engine.threads(), false,
                System.err);
        return s.ok() == 0 && s.failed() > 0 ? 1 : 0;
    }
}
