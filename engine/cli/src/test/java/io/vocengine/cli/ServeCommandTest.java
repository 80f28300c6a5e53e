package io.vocengine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.vocengine.engine.LiveEngine;
import io.vocengine.engine.EngineConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real HTTP server on a free loopback port. */
class ServeCommandTest {
    private static HttpServer server;
    private static ExecutorService pool, workers;
    /** Small, so that a test can exceed it: 1 MiB of request bodies at once. */
    private static final long BUDGET = 1 << 20;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        ServeCommand cmd = new ServeCommand();
        new CommandLine(cmd).parseArgs("--port", "0", "--threads", "2");
        pool = ServeCommand.requestThreads();
        workers = Executors.newFixedThreadPool(2);
        server = cmd.start(new LiveEngine(EngineConfig::defaults), pool, workers, BUDGET);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        pool.shutdown();
        workers.shutdown();
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return send(request("/v1/tag").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .timeout(Duration.ofSeconds(20));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String errorCode(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body()).get("error").get("code").asText();
    }

    /** Clients that stop halfway through their body hold only their own threads, not the server. */
    @Test
    void stalledClientsDoNotHoldTheServer() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                Socket s = new Socket("127.0.0.1", server.getAddress().getPort());
                OutputStream out = s.getOutputStream();
                out.write(("POST /v1/tag HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(s);
            }
            assertEquals(200, send(request("/healthz").GET()).statusCode());
            assertEquals(200, post("{\"text\":\"物流太慢了\"}").statusCode());
        } finally {
            for (Socket s : stalled) s.close();
        }
    }

    @Test
    void hostileNumbersGetFieldErrorsNotADroppedConnection() throws Exception {
        HttpResponse<String> huge = post("{\"text\":\"好\",\"rating\":1e400}");
        assertEquals(422, huge.statusCode(), huge.body());
        assertEquals("INVALID_FIELD", errorCode(huge));
        assertEquals(200, post("{\"text\":\"好\",\"x\":1e999999999}").statusCode()); // kept as written, not expanded
        assertEquals(200, post("{\"text\":\"好\",\"x\":1e2147483648}").statusCode()); // scale Integer.MIN_VALUE
        assertEquals("MALFORMED_JSON", errorCode(post("{\"text\":\"好\",\"x\":1e-2147483648}")));
        HttpResponse<String> batch = post("[{\"text\":\"好\"},{\"text\":\"x\",\"rating\":-1e400}]");
        assertEquals(200, batch.statusCode());
        assertEquals("INVALID_FIELD", Json.MAPPER.readTree(batch.body()).get(1).get("error").get("code").asText());
        HttpResponse<String> twice = post("{\"text\":\"好评\",\"text\":\"差评\"}"); // read as JSON Lines reads it
        assertEquals(400, twice.statusCode());
        assertTrue(twice.body().contains("Duplicate field 'text'"), twice.body());
    }

    /** Bodies held at once have a budget; past it a request is told to retry, and each request gives its share back. */
    @Test
    void bodiesPastTheBudgetGet503AndTheBudgetIsReleased() throws Exception {
        HttpResponse<String> busy = post("{\"text\":\"" + "好".repeat(700_000) + "\"}"); // 2.1 MB of UTF-8
        assertEquals(503, busy.statusCode());
        assertEquals("SERVER_BUSY", errorCode(busy));
        assertEquals("1", busy.headers().firstValue("Retry-After").orElse(""));
        for (int i = 0; i < 3; i++) { // 0.9 MB each: only passes if the last request's share was released
            assertEquals(200, post("{\"text\":\"" + "好".repeat(300_000) + "\"}").statusCode());
        }
    }

    @Test
    void anUnknownDomainIsAFieldErrorNotEveryTaxonomy() throws Exception {
        HttpResponse<String> typo = post("{\"text\":\"屏幕碎了\",\"metadata\":{\"domain\":\"ecomerce\"}}");
        assertEquals(422, typo.statusCode());
        assertTrue(typo.body().contains("metadata.domain: \\\"ecomerce\\\" is not a loaded taxonomy"), typo.body());
        assertEquals(200, post("{\"text\":\"屏幕碎了\",\"metadata\":{\"domain\":\"phone\"}}").statusCode());
    }

    @Test
    void pathsMethodsAndEncodingsAreCheckedExactly() throws Exception {
        HttpResponse<String> suffixed = send(request("/v1/tagXYZ").POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"好\"}")));
        assertEquals(404, suffixed.statusCode());
        assertEquals("NOT_FOUND", errorCode(suffixed));
        assertEquals("NOT_FOUND", errorCode(send(request("/nowhere").GET())));
        assertEquals(405, send(request("/healthz").DELETE()).statusCode());
        HttpResponse<String> gzip = send(request("/v1/tag").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{0x1f, (byte) 0x8b, 8, 0})));
        assertEquals(415, gzip.statusCode());
        assertEquals("UNSUPPORTED_ENCODING", errorCode(gzip));
    }

    @Test
    void tagsOneItemAndABatchInOrder() throws Exception {
        HttpResponse<String> one = post("{\"id\":\"1\",\"text\":\"物流太慢了\",\"metadata\":{\"domain\":\"ecommerce\"}}");
        assertEquals(200, one.statusCode());
        JsonNode r = Json.MAPPER.readTree(one.body());
        assertEquals("ecommerce.logistics.speed.slow", r.get("tags").get(0).get("id").asText());
        HttpResponse<String> batch = post("[{\"id\":\"a\",\"text\":\"好\"},{\"id\":\"b\",\"text\":\"差\"}]");
        JsonNode arr = Json.MAPPER.readTree(batch.body());
        assertEquals("a", arr.get(0).get("id").asText());
        assertEquals("b", arr.get(1).get("id").asText());
    }

    @Test
    void reloadSwapsInTheCurrentFilesAndAnswersWithBothVersions() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/admin/reload");
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertEquals(body.get("previous"), body.get("taxonomies")); // the shipped files did not change
        assertEquals(4, body.get("taxonomies").size());
        assertEquals(405, client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void badRequestsGetCodedJsonErrors() throws Exception {
        HttpResponse<String> malformed = post("{\"id\":");
        assertEquals(400, malformed.statusCode());
        assertEquals("MALFORMED_JSON", Json.MAPPER.readTree(malformed.body()).get("error").get("code").asText());
        HttpResponse<String> invalid = post("{\"id\":\"1\",\"text\":\"好\",\"nps\":12}");
        assertEquals(422, invalid.statusCode());
        assertEquals("INVALID_FIELD", Json.MAPPER.readTree(invalid.body()).get("error").get("code").asText());
    }

    @Test
    void aBadItemInABatchGetsAnErrorInItsPlaceAndTheRestAreTagged() throws Exception {
        HttpResponse<String> r = post("[{\"id\":\"a\",\"text\":\"物流太慢了\"},{\"id\":\"b\",\"nps\":12},7]");
        assertEquals(200, r.statusCode());
        JsonNode arr = Json.MAPPER.readTree(r.body());
        assertEquals("a", arr.get(0).get("id").asText());
        assertEquals("INVALID_FIELD", arr.get(1).get("error").get("code").asText());
        assertEquals("b", arr.get(1).get("id").asText());
        assertEquals("MALFORMED_JSON", arr.get(2).get("error").get("code").asText());
    }

    @Test
    void trailingGarbageIsMalformedAndLoneSurrogatesSurviveTheRoundTrip() throws Exception {
        assertEquals(400, post("{\"id\":\"1\",\"text\":\"好\"} junk").statusCode());
        HttpResponse<String> r = post("{\"id\":\"s\\ud800\",\"text\":\"盒子\\ud800压扁\"}");
        assertEquals("s\ud800", Json.MAPPER.readTree(r.body()).get("id").asText());
    }
}
