package io.vocengine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.vocengine.engine.Engine;
import io.vocengine.engine.EngineConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The real HTTP server on a free loopback port. */
class ServeCommandTest {
    private static HttpServer server;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        ServeCommand cmd = new ServeCommand();
        new CommandLine(cmd).parseArgs("--port", "0", "--threads", "2");
        server = cmd.start(Engine.create(EngineConfig.defaults()));
    }

    @AfterAll
    static void stop() {
        server.stop(0);
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
    void badRequestsGetCodedJsonErrors() throws Exception {
        HttpResponse<String> malformed = post("{\"id\":");
        assertEquals(400, malformed.statusCode());
        assertEquals("MALFORMED_JSON", Json.MAPPER.readTree(malformed.body()).get("error").get("code").asText());
        HttpResponse<String> invalid = post("{\"id\":\"1\",\"text\":\"好\",\"nps\":12}");
        assertEquals(422, invalid.statusCode());
        assertEquals("INVALID_FIELD", Json.MAPPER.readTree(invalid.body()).get("error").get("code").asText());
    }
}
