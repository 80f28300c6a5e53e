package io.vocengine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vocengine.engine.Engine;
import io.vocengine.engine.LiveEngine;
import io.vocengine.engine.ingest.FeedbackJson;
import io.vocengine.engine.ingest.InvalidRecordException;
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
 * Errors are JSON: {@code {"error": {"code", "message"}}} with 400 (malformed JSON), 413 (body too large),
 * 422 (invalid field of a single item) or 405; in a batch, a bad item gets an error object in its place and the
 * others are tagged. One engine is shared by all request threads; a request uses one engine version throughout.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the tagging endpoint over HTTP: POST /v1/tag.")
final class ServeCommand implements Callable<Integer> {
    static final int MAX_BATCH = 1000;
    private static final int MAX_BODY_BYTES = 16 << 20;

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
        ExecutorService pool = Executors.newFixedThreadPool(engine.threads() * 2);
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

    /** Starts the server on {@code pool}; the caller stops both. */
    HttpServer start(LiveEngine live, ExecutorService pool) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
        server.setExecutor(pool);
        server.createContext("/healthz", ex -> respond(ex, 200, "{\"status\":\"ok\",\"taxonomies\":"
                + Json.MAPPER.writeValueAsString(live.current().taxonomyVersions()) + "}"));
        server.createContext("/v1/tag", ex -> handleTag(live.current(), ex));
        server.createContext("/v1/admin/reload", ex -> handleReload(live, ex));
        server.start();
        return server;
    }

    private static void handleReload(LiveEngine live, HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("POST")) {
                respond(ex, 405, error("METHOD_NOT_ALLOWED", "use POST"));
                return;
            }
            try {
                LiveEngine.Reload r = live.reload();
                respond(ex, 200, "{\"previous\":" + Json.MAPPER.writeValueAsString(r.before()) + ",\"taxonomies\":"
                        + Json.MAPPER.writeValueAsString(r.after()) + "}");
            } catch (RuntimeException failed) { // validation or I/O: the running engine stays
                respond(ex, 422, error("RELOAD_FAILED", failed.getMessage()));
            }
        }
    }

    private static void handleTag(Engine e, HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("POST")) {
                respond(ex, 405, error("METHOD_NOT_ALLOWED", "use POST with a JSON body"));
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
                json = Json.MAPPER.readTree(body);
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
                try {
                    sb.append(tag(e, item, request, i + 1));
                } catch (InvalidRecordException invalid) {
                    sb.append(AnalysisJson.error(item.path("id").isValueNode() ? item.path("id").asText() : null,
                            request, i + 1, new ItemError(invalid.code(), "json", invalid.getMessage())));
                }
            }
            respond(ex, 200, sb.append(']').toString());
        }
    }

    /**
     * One item's result; a failing stage yields the same error object {@code voc tag} writes. Items without an id
     * get {@code <request id>:<position>}, unique across requests.
     */
    private static String tag(Engine e, JsonNode item, String request, long position) throws InvalidRecordException {
        Feedback feedback = FeedbackJson.toFeedback(item, request, position);
        try {
            return AnalysisJson.result(e.analyse(feedback));
        } catch (StageException failed) {
            return AnalysisJson.error(feedback.id(), request, position, failed.error());
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
