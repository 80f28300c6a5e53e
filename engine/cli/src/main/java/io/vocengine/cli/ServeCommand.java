package io.vocengine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vocengine.engine.Engine;
import io.vocengine.engine.LiveEngine;
import io.vocengine.engine.ingest.FeedbackJson;
import io.vocengine.engine.ingest.InvalidRecordException;
import io.vocengine.engine.model.ErrorCode;
import io.vocengine.engine.model.Feedback;
import io.vocengine.engine.model.ItemError;
import io.vocengine.engine.output.AnalysisJson;
import io.vocengine.engine.pipeline.StageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code voc serve}: the HTTP tagging endpoint for upstream services.
 * <ul>
 *   <li>{@code POST /v1/tag} with one JSON object (the input format of {@code voc tag}) → one result object;
 *       with a JSON array of up to {@value #MAX_BATCH} objects → an array of results in the same order.</li>
 *   <li>{@code GET /healthz} → status and taxonomy versions.</li>
 *   <li>{@code POST /v1/admin/reload} → re-reads the taxonomy files and swaps the new engine in without a restart
 *       (see {@link LiveEngine}); a broken file gets 422 with the validation message, and the running version
 *       stays. {@code --watch} does the same whenever a {@code --taxonomy} file changes.</li>
 * </ul>
 * Errors are JSON: {@code {"error": {"code", "message"}}} with 400 (malformed JSON), 404 (no such path), 405,
 * 413 (body too large), 415 (compressed body), 422 (invalid field of a single item) or 500 (a bug: logged with its
 * stack trace); in a batch, a bad item gets an error object in its place and the others are tagged. Records are
 * read as JSON Lines reads them ({@link FeedbackJson#read}).
 * <p>
 * Each exchange is read on its own virtual thread, so a client that stalls mid-request holds only its own thread,
 * and a request must arrive within {@value #MAX_REQUEST_SECONDS} s. The bodies held at once share a byte budget
 * ({@value #BODY_BUDGET_BYTES} bytes; past it a request gets 503 and Retry-After), and the analysis runs on a pool of
 * {@code --threads} platform threads, which bounds the CPU work and lets each keep its onnxruntime input buffer.
 * One engine is shared by all threads; a request uses one engine version throughout.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the tagging endpoint over HTTP: POST /v1/tag.")
final class ServeCommand implements Callable<Integer> {
    static final int MAX_BATCH = 1000;
    private static final int MAX_BODY_BYTES = 16 << 20;
    static final int MAX_REQUEST_SECONDS = 60;
    static final long BODY_BUDGET_BYTES = 256L << 20;

    static {
        // Read once by the JDK's server when it first starts; a slow client is cut off, not waited for forever.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", String.valueOf(MAX_REQUEST_SECONDS));
        }
    }

    @Mixin
    EngineOptions engine;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--watch", description = "Reload when a --taxonomy file changes (checked every 2 s).")
    boolean watch;

    @Override
    public Integer call() throws Exception {
        LiveEngine live = new LiveEngine(engine::config);
        ExecutorService pool = requestThreads();
        ExecutorService workers = Executors.newFixedThreadPool(engine.threads());
        HttpServer server = start(live, pool, workers, BODY_BUDGET_BYTES);
        System.err.printf("voc serve: listening on http://%s:%d  (POST /v1/tag, GET /healthz, POST /v1/admin/reload)%n",
                host, server.getAddress().getPort());
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
        if (watch) new TaxonomyWatch(engine.taxonomyFiles(), live, System.err).scheduleOn(watcher);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            watcher.shutdownNow();
            server.stop(1);
            pool.shutdown();
            workers.shutdown();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** A virtual thread per exchange: a stalled client parks its own thread and takes none from others. */
    static ExecutorService requestThreads() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    /**
     * Starts the server, reading requests on {@code pool} and analysing them on {@code workers}, holding at most
     * {@code bodyBudget} bytes of bodies at once; the caller stops all three.
     */
    HttpServer start(LiveEngine live, ExecutorService pool, ExecutorService workers, long bodyBudget) throws IOException {
        AtomicLong held = new AtomicLong(); // body bytes held by requests in progress, shared by all request threads
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
        server.setExecutor(pool);
        server.createContext("/", ex -> guarded(ex, () -> respond(ex, 404, error("NOT_FOUND",
                "no such path; POST /v1/tag, GET /healthz, POST /v1/admin/reload"))));
        server.createContext("/healthz", ex -> guarded(ex, () -> {
            if (exact(ex, "/healthz", "GET")) respond(ex, 200, "{\"status\":\"ok\",\"taxonomies\":"
                    + Json.MAPPER.writeValueAsString(live.current().taxonomyVersions()) + "}");
        }));
        server.createContext("/v1/tag", ex -> guarded(ex, () -> {
            if (exact(ex, "/v1/tag", "POST")) handleTag(live.current(), ex, workers, new Budget(held, bodyBudget));
        }));
        server.createContext("/v1/admin/reload", ex -> guarded(ex, () -> {
            if (exact(ex, "/v1/admin/reload", "POST")) handleReload(live, ex);
        }));
        server.start();
        return server;
    }

    private interface Handler {
        void handle() throws IOException;
    }

    /** Runs a handler and closes the exchange; a bug answers 500 in JSON and is logged, never a dropped connection. */
    private static void guarded(HttpExchange ex, Handler handler) {
        try (ex) {
            try {
                handler.handle();
            } catch (RuntimeException | StackOverflowError bug) { // as BatchRunner: one input's recursion is its own failure
                System.err.println("voc serve: " + ex.getRequestMethod() + " " + ex.getRequestURI() + " failed: " + bug);
                bug.printStackTrace();
                if (ex.getResponseCode() < 0) respond(ex, 500, error("INTERNAL", "the server failed on this request: " + bug));
            }
        } catch (IOException clientGone) {
            // The client closed the connection before the response was written; nothing is left to tell it.
        }
    }

    /**
     * Whether the request is for exactly this path and method; otherwise answers 404 (contexts match by prefix, so
     * /v1/tagXYZ arrives here) or 405, and returns false.
     */
    private static boolean exact(HttpExchange ex, String path, String method) throws IOException {
        if (!ex.getRequestURI().getPath().equals(path)) {
            respond(ex, 404, error("NOT_FOUND", "no such path " + ex.getRequestURI().getPath()));
            return false;
        }
        if (!ex.getRequestMethod().equals(method)) {
            respond(ex, 405, error("METHOD_NOT_ALLOWED", "use " + method + (method.equals("POST") ? " with a JSON body" : "")));
            return false;
        }
        return true;
    }

    private static void handleReload(LiveEngine live, HttpExchange ex) throws IOException {
        try {
            LiveEngine.Reload r = live.reload();
            respond(ex, 200, "{\"previous\":" + Json.MAPPER.writeValueAsString(r.before()) + ",\"taxonomies\":"
                    + Json.MAPPER.writeValueAsString(r.after()) + "}");
        } catch (RuntimeException failed) { // validation or I/O: the running engine stays
            respond(ex, 422, error("RELOAD_FAILED", failed.getMessage()));
        }
    }

    /** Body bytes held by the requests in progress, against the server's budget; one per request. */
    private static final class Budget {
        private final AtomicLong held;
        private final long limit;
        private long mine;

        Budget(AtomicLong held, long limit) {
            this.held = held;
            this.limit = limit;
        }

        boolean take(int bytes) {
            if (held.addAndGet(bytes) > limit) {
                held.addAndGet(-bytes);
                return false;
            }
            mine += bytes;
            return true;
        }

        void release() {
            held.addAndGet(-mine);
            mine = 0;
        }
    }

    private record Response(int status, String json) {
    }

    private static void handleTag(Engine e, HttpExchange ex, ExecutorService workers, Budget budget) throws IOException {
        String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
            respond(ex, 415, error("UNSUPPORTED_ENCODING", "Content-Encoding " + encoding + " is not accepted; send plain JSON"));
            return;
        }
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] chunk = new byte[64 << 10];
            try (InputStream in = ex.getRequestBody()) {
                for (int n; (n = in.read(chunk)) > 0; ) {
                    if (body.size() + n > MAX_BODY_BYTES) {
                        respond(ex, 413, error("RECORD_TOO_LARGE", "request body over " + MAX_BODY_BYTES + " bytes"));
                        return;
                    }
                    if (!budget.take(n)) {
                        ex.getResponseHeaders().set("Retry-After", "1");
                        respond(ex, 503, error("SERVER_BUSY", "the server holds as many request bodies as it may; retry"));
                        return;
                    }
                    body.write(chunk, 0, n);
                }
            }
            byte[] bytes = body.toByteArray();
            Response r = workers.submit(() -> tagResponse(e, bytes)).get();
            respond(ex, r.status(), r.json());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            respond(ex, 503, error("SERVER_BUSY", "the server is stopping"));
        } catch (ExecutionException failed) { // a bug in the analysis: guarded() answers 500 and logs it
            if (failed.getCause() instanceof Error err) throw err;
            throw failed.getCause() instanceof RuntimeException bug ? bug : new IllegalStateException(failed.getCause());
        } finally {
            budget.release();
        }
    }

    /** The answer to one request body: a result, an array of results, or an error. */
    private static Response tagResponse(Engine e, byte[] body) {
        JsonNode json;
        try {
            json = FeedbackJson.read(body);
        } catch (JsonProcessingException bad) {
            return new Response(400, error("MALFORMED_JSON", bad.getOriginalMessage()));
        } catch (IOException impossible) { // a byte array cannot fail to read
            throw new UncheckedIOException(impossible);
        }
        if (json == null || !(json.isObject() || json.isArray())) {
            return new Response(400, error("MALFORMED_JSON", "expected a JSON object or an array of objects"));
        }
        if (json.isArray() && json.size() > MAX_BATCH) {
            return new Response(413, error("RECORD_TOO_LARGE", "at most " + MAX_BATCH + " items per request"));
        }
        String request = "request-" + UUID.randomUUID();
        if (json.isObject()) {
            try {
                return new Response(200, tag(e, json, request, 1));
            } catch (InvalidRecordException invalid) {
                return new Response(422, error(invalid.code().name(), invalid.getMessage()));
            }
        }
        // A batch answers every item in place: one bad item must not cost the caller the other 999.
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < json.size(); i++) {
            if (i > 0) sb.append(',');
            JsonNode item = json.get(i);
            String id = item.path("id").isValueNode() ? item.path("id").asText() : null;
            try {
                sb.append(tag(e, item, request, i + 1));
            } catch (InvalidRecordException invalid) {
                sb.append(AnalysisJson.error(id, request, i + 1, new ItemError(invalid.code(), "json", invalid.getMessage())));
            } catch (RuntimeException | StackOverflowError bug) { // one item's bug must not cost the caller the other 999 either
                System.err.println("voc serve: item " + (i + 1) + " of a batch failed: " + bug);
                bug.printStackTrace();
                sb.append(AnalysisJson.error(id, request, i + 1, new ItemError(ErrorCode.STAGE_FAILED, "serve",
                        "the server failed on this item: " + bug)));
            }
        }
        return new Response(200, sb.append(']').toString());
    }

    /**
     * One item's result; a failing stage yields the same error object {@code voc tag} writes. Items without an id
     * get {@code <request id>:<position>}, unique across requests.
     */
    private static String tag(Engine e, JsonNode item, String request, long position) throws InvalidRecordException {
        Feedback feedback = FeedbackJson.toFeedback(item, request, position);
        checkDomain(e, feedback.metadata().get("domain"));
        try {
            return AnalysisJson.result(e.analyse(feedback));
        } catch (StageException failed) {
            return AnalysisJson.error(feedback.id(), request, position, failed.error());
        }
    }

    /**
     * A caller that names a domain means it: a typo (ecomerce) would otherwise be tagged against every taxonomy
     * (batch ingestion keeps that fallback for files whose domain column holds other values).
     */
    private static void checkDomain(Engine e, String domain) throws InvalidRecordException {
        if (domain == null || domain.isBlank()) return;
        List<String> ids = e.taxonomyIds();
        if (!ids.contains(domain)) {
            throw new InvalidRecordException(ErrorCode.INVALID_FIELD, "metadata.domain: \"" + domain
                    + "\" is not a loaded taxonomy; expected one of " + ids + " or no domain (every taxonomy)");
        }
    }

    private static String error(String code, String message) {
        try {
            return "{\"error\":{\"code\":" + Json.MAPPER.writeValueAsString(code) + ",\"message\":"
                    + Json.MAPPER.writeValueAsString(message) + "}}";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
