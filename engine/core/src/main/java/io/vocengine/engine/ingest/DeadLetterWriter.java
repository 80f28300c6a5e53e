package io.vocengine.engine.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.ItemError;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Appends records that failed to a JSON Lines file, one object per line:
 * <pre>{"source":"reviews.jsonl","line":12,"code":"INVALID_FIELD","stage":"json","message":"...","raw":"..."}</pre>
 * The record travels as {@code raw} (its text), or {@code rawBase64} (undecodable bytes), or {@code rawFile} (the
 * name of a side file in the same folder, for a RECORD_TOO_LARGE line whose bytes {@link #overflowSink()} streamed
 * there); {@code raw} is null when nothing of the record could be kept.
 * <p>
 * The file and its parent folders are created on the first write; an existing file is appended to, so earlier dead
 * letters are never lost. Output is buffered until {@link #close()}. Write failures (a full disk) throw an
 * {@link IOException} naming the file. Thread-safe: any number of worker threads may write concurrently, and
 * records are never interleaved.
 */
public final class DeadLetterWriter implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SOURCE_IN_NAME = 80;

    private final Path file;
    private final Map<String, Path> sideFiles = new ConcurrentHashMap<>();
    private OutputStream out; // guarded by this
    private long written; // guarded by this
    private boolean closed; // guarded by this

    public DeadLetterWriter(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    /** Writes a rejected input record with its own error. */
    public void write(IngestRecord.Rejected record) throws IOException {
        write(record, record.error());
    }

    /** Writes a record that failed later, e.g. a parsed record a pipeline stage threw on. */
    public void write(IngestRecord record, ItemError error) throws IOException {
        byte[] line = encode(record, error);
        synchronized (this) {
            if (closed) throw new IllegalStateException("dead-letter file " + file + " is already closed");
            try {
                if (out == null) out = open();
                out.write(line);
            } catch (IOException e) {
                throw new IOException("cannot write dead-letter file " + file + ": " + e.getMessage(), e);
            }
            written++;
        }
    }

    /** Records written so far. */
    public synchronized long written() {
        return written;
    }

    /**
     * Streams over-long records into side files next to the dead-letter file, named
     * {@code <dead-letter name>.<source>.line-<N>.raw} (with {@code -2}, {@code -3}, ... rather than overwriting),
     * and remembers them so that {@link #write} can point at them.
     */
    public OverflowSink overflowSink() {
        return (source, line) -> {
            Path side = createSideFile(source, line);
            sideFiles.put(key(source, line), side);
            return new OverflowSink.Target(new BufferedOutputStream(Files.newOutputStream(side), 1 << 16),
                    side.toString());
        };
    }

    /** Flushes and closes the file; later writes throw {@link IllegalStateException}. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) return;
        closed = true;
        if (out == null) return;
        try {
            out.close();
        } catch (IOException e) {
            throw new IOException("cannot write dead-letter file " + file + ": " + e.getMessage(), e);
        }
    }

    private byte[] encode(IngestRecord record, ItemError error) throws IOException {
        ObjectNode node = JSON.createObjectNode()
                .put("source", record.source())
                .put("line", record.line())
                .put("code", error.code().name())
                .put("stage", error.stage())
                .put("message", error.message());
        Path side = error.code() == ErrorCode.RECORD_TOO_LARGE
                ? sideFiles.remove(key(record.source(), record.line())) : null;
        byte[] rawBytes = record instanceof IngestRecord.Rejected r ? r.rawBytes() : null;
        if (side != null) {
            node.put("rawFile", side.getFileName().toString());
        } else if (record.raw() == null && rawBytes != null) {
            node.put("rawBase64", rawBytes);
        } else {
            node.put("raw", record.raw());
        }
        byte[] json = JSON.writeValueAsBytes(node);
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }

    private OutputStream open() throws IOException {
        Path parent = file.getParent();
        if (parent != null) Files.createDirectories(parent);
        return new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16);
    }

    private Path createSideFile(String source, long line) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        String deadLetterName = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String base = deadLetterName + "." + safe(source) + ".line-" + line;
        for (int n = 1; ; n++) {
            Path candidate = dir.resolve(base + (n == 1 ? "" : "-" + n) + ".raw");
            try {
                Files.createFile(candidate);
                return candidate;
            } catch (FileAlreadyExistsException e) {
                // kept from an earlier run: try the next name
            }
        }
    }

    /** The source name as a file-name part: letters and digits (any script), '.', '-', '_'; the rest become '_'. */
    private static String safe(String source) {
        StringBuilder s = new StringBuilder();
        source.codePoints().limit(MAX_SOURCE_IN_NAME).forEach(c -> s.appendCodePoint(
                Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' ? c : '_'));
        return s.toString();
    }

    private static String key(String source, long line) {
        return source + '\n' + line;
    }
}
