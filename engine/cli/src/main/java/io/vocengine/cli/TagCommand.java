package io.vocengine.cli;

import io.vocengine.engine.Engine;
import io.vocengine.engine.dedup.Deduplicator;
import io.vocengine.engine.ingest.DeadLetterWriter;
import io.vocengine.engine.ingest.IngestRecord;
import io.vocengine.engine.ingest.IngestSource;
import io.vocengine.engine.ingest.Sources;
import io.vocengine.engine.model.ItemError;
import io.vocengine.engine.output.AnalysisJson;
import io.vocengine.engine.pipeline.Analysis;
import io.vocengine.engine.run.BatchRunner;
import io.vocengine.engine.run.Progress;
import io.vocengine.engine.run.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code voc tag}: the batch form of the tagging endpoint. JSON Lines in, one result per line out, in order. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tag JSON Lines ({\"id\":…,\"text\":…} per line) from FILE or stdin; one JSON result per line on stdout, in input order.")
final class TagCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engine;

    @Mixin
    InputOptions input;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Input file; '-' or none: stdin.")
    String file;

    @Override
    public Integer call() throws Exception {
        Engine e = engine.engine();
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        RunSummary summary = run(e, out, System.err);
        out.flush();
        return summary.ok() == 0 && summary.failed() > 0 ? 1 : 0;
    }

    RunSummary run(Engine e, Writer out, PrintStream err) throws IOException {
        boolean stdin = file == null || file.equals("-");
        try (DeadLetterWriter dead = new DeadLetterWriter(IngestRun.deadLetterFile(engine.dataDir, "tag"));
             IngestSource source = stdin ? Sources.open(System.in, "stdin", input.options(), dead.overflowSink())
                     : Sources.open(Path.of(file), input.options(), dead.overflowSink())) {
            RunSummary summary = new BatchRunner(engine.threads()).run(source, e::analyseAll,
                    new Deduplicator(), new BatchRunner.Sink() {
                        @Override
                        public void accept(IngestRecord.Parsed record, Analysis analysis) throws IOException {
                            out.write(AnalysisJson.result(analysis));
                            out.write('\n');
                        }

                        @Override
                        public void reject(IngestRecord record, ItemError error) throws IOException {
                            String id = record instanceof IngestRecord.Parsed p ? p.feedback().id() : null;
                            out.write(AnalysisJson.error(id, record.source(), record.line(), error));
                            out.write('\n');
                            dead.write(record, error);
                        }
                    }, Progress.stderr("tag"));
            err.print(summary.format());
            if (dead.written() > 0) err.println("dead letters (reason + raw record): " + dead.file());
            return summary;
        }
    }
}
