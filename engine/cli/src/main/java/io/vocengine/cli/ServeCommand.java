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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

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
 * read as JSON Lines reads them ({@link FeedbackJson#MAPPER}).
 * <p>
 * Each exchange runs on its own virtual thread, so a client that stalls mid-request holds only its own thread,
 * and a request must arrive within {@value #MAX_REQUEST_SECONDS} s. One engine is shared by all request threads;
 * a request uses one engine version throughout.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the tagging endpoint over HTTP: POST /v1/tag.")
final class ServeCommand implements Callable<Integer> {
    static final int MAX_BATCH = 1000;
    private static final int MAX_BODY_BYTES = 16 << 20;
    static final int MAX_REQUEST_SECONDS = 60;

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
        HttpServer server = start(live, pool);
        System.err.printf("voc serve: listening on http://%s:%d  (POST /v1/tag, GET /healthz, POST /v1/admin/reload)%n",
                host, server.getAddress().getPort());
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
        if (watch) new TaxonomyWatch(engine.taxonomyFiles(), live, System.err).scheduleOn(watcher);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            watcher.shutdownNow();
            server.stop(1);
            pool.shutdown();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** A virtual thread per exchange: a stalled client parks its own thread and takes none from others. */
    static ExecutorService requestThreads() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    /** Starts the server on {@code pool}; the caller stops both. */
    HttpServer start(LiveEngine live, ExecutorService pool) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
        server.setExecutor(pool);
        server.createContext("/", ex -> guarded(ex, () -> respond(ex, 404, error("NOT_FOUND",
                "no such path; POST /v1/tag, GET /healthz, POST /v1/admin/reload"))));
        server.createContext("/healthz", ex -> guarded(ex, () -> {
            if (exact(ex, "/healthz", "GET")) respond(ex, 200, "{\"status\":\"ok\",\"taxonomies\":"
                    + Json.MAPPER.writeValueAsString(live.current().taxonomyVersions()) + "}");
        }));
        server.createContext("/v1/tag", ex -> guarded(ex, () -> {
            if (exact(ex, "/v1/tag", "POST")) handleTag(live.current(), ex);
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
            } catch (RuntimeException bug) {
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

    private static void handleTag(Engine e, HttpExchange ex) throws IOException {
        String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
            respond(ex, 415, error("UNSUPPORTED_ENCODING", "Content-Encoding " + encoding + " is not accepted; send plain JSON"));
            return;
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            respond(ex, 413, error("RECORD_TOO_LARGE", "request body over " + MAX_BODY_BYTES + " bytes"));
            return;
        }
        JsonNode json;
        try {
            json = FeedbackJson.MAPPER.readTree(body);
        } catch (JsonProcessingException bad) {
            respond(ex, 400, error("MALFORMED_JSON", bad.getOriginalMessage()));
            return;
        }
        if (json == null || !(json.isObject() || json.isArray())) {
            respond(ex, 400, error("MALFORMED_JSON", "expected a JSON object or an array of objects"));
            return;
        }
        if (json.isArray() && json.size() > MAX_BATCH) {
            respond(ex, 413, error("RECORD_TOO_LARGE", "at most " + MAX_BATCH + " items per request"));
            return;
        }
        String request = "request-" + UUID.randomUUID();
        if (json.isObject()) {
            try {
                respond(ex, 200, tag(e, json, request, 1));
            } catch (InvalidRecordException invalid) {
                respond(ex, 422, error(invalid.code().name(), invalid.getMessage()));
            }
            return;
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
            } catch (RuntimeException bug) { // one item's bug must not cost the caller the other 999 either
                System.err.println("voc serve: item " + (i + 1) + " of a batch failed: " + bug);
                bug.printStackTrace();
                sb.append(AnalysisJson.error(id, request, i + 1, new ItemError(ErrorCode.STAGE_FAILED, "serve",
                        "the server failed on this item: " + bug)));
            }
        }
        respond(ex, 200, sb.append(']').toString());
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
        List<String> ids = e.taxonomyVersions().stream().map(v -> v.substring(0, v.indexOf('@'))).toList();
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
