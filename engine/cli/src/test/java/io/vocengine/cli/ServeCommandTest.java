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
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The real HTTP server on a free loopback port. */
class ServeCommandTest {
    private static HttpServer server;
    private static ExecutorService pool;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        ServeCommand cmd = new ServeCommand();
        new CommandLine(cmd).parseArgs("--port", "0", "--threads", "2");
        pool = Executors.newFixedThreadPool(2);
        server = cmd.start(new LiveEngine(EngineConfig::defaults), pool);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        pool.shutdown();
    }

    private static HttpResponse<String> post(String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/tag"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(req, HttpResponse.BodyHandlers.ofString());
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
