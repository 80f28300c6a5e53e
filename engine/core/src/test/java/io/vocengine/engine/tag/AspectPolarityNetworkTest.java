package io.vocengine.engine.tag;

import io.vocengine.engine.bundle.BundleCopies;
import io.vocengine.engine.bundle.BundleException;
import io.vocengine.engine.bundle.ModelBundle;
import io.vocengine.taxonomy.Taxonomy;
import io.vocengine.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AspectPolarityNetworkTest {
    private static final String NAME = "restaurant-aspect-cnn";
    private static final Taxonomy RESTAURANT = TaxonomyLoader.loadShipped("restaurant");
    private static final int NEGATIVE = 0, POSITIVE = 2;

    private static int verdict(float[] p) {
        return p[0] >= p[1] && p[0] >= p[2] ? NEGATIVE : p[1] >= p[2] ? 1 : POSITIVE;
    }

    @Test
    void readsEachAspectOfAWholeReview() {
        AspectPolarityNetwork net = AspectPolarityNetwork.shipped(NAME);
        assertEquals(20, net.aspects().size());
        net.checkAgainst(RESTAURANT);
        List<AspectPolarityNetwork.Reading> r = net.read(List.of("味道非常好，强烈推荐，服务也很热情",
                "服务员态度很差，再也不来了", "菜很好吃，味道很赞。就是服务员态度太差了，爱答不理的"), RESTAURANT);
        assertEquals(POSITIVE, verdict(r.get(0).polarity("restaurant.dish.taste")));
        assertEquals(POSITIVE, verdict(r.get(0).polarity("restaurant.service.waiters_attitude")));
        assertEquals(NEGATIVE, verdict(r.get(1).polarity("restaurant.service.waiters_attitude")));
        float[] attitude = r.get(2).polarity("restaurant.service.waiters_attitude"), taste = r.get(2).polarity("restaurant.dish.taste");
        assertEquals(NEGATIVE, verdict(attitude));
        assertTrue(taste[NEGATIVE] < attitude[NEGATIVE], "a mixed review: taste is read less negative than the staff");
        assertEquals(1.0, taste[0] + taste[1] + taste[2], 1e-5);
    }

    @Test
    void aBatchReadsAsItsTextsOneByOne() {
        AspectPolarityNetwork net = AspectPolarityNetwork.shipped(NAME);
        List<String> texts = new ArrayList<>(List.of("好吃", "", "环境一般，价格偏贵，排队排了一个小时，服务员倒是很热情，菜量也足",
                "停车不方便".repeat(200)));
        // More texts of mixed lengths than one onnxruntime call takes (16), so the batch is sorted and split.
        for (int i = 0; i < 30; i++) texts.add("味道不错，服务一般，".repeat(1 + i % 7) + i);
        List<AspectPolarityNetwork.Reading> batch = net.read(texts, RESTAURANT);
        for (int i = 0; i < texts.size(); i++) {
            AspectPolarityNetwork.Reading one = net.read(List.of(texts.get(i)), RESTAURANT).get(0);
            for (String a : net.aspects()) assertArrayEquals(one.polarity(a), batch.get(i).polarity(a), 1e-5f, a);
        }
    }

    @Test
    void aNodeReadsItsOwnAspectAnAncestorsOrItsLikeliestDescendants() throws IOException {
        AspectPolarityNetwork net = AspectPolarityNetwork.shipped(NAME);
        float[] p = new float[net.aspects().size() * 4];
        for (int a = 0; a < net.aspects().size(); a++) p[a * 4] = 1; // nothing mentioned
        int attitude = net.aspects().indexOf("restaurant.service.waiters_attitude");
        int waiting = net.aspects().indexOf("restaurant.service.wait_time");
        set(p, attitude, 0.2f, 0.6f, 0.1f, 0.1f);
        set(p, waiting, 0.6f, 0.1f, 0.1f, 0.2f);
        AspectPolarityNetwork.Reading r = net.reading(RESTAURANT, p);
        assertArrayEquals(new float[]{0.75f, 0.125f, 0.125f}, r.polarity("restaurant.service.waiters_attitude"), 1e-5f);
        assertArrayEquals(r.polarity("restaurant.service.wait_time"), r.polarity("restaurant.service.wait_time.long_queue"));
        assertArrayEquals(r.polarity("restaurant.service.waiters_attitude"), r.polarity("restaurant.service"),
                "服务 reads its likeliest mentioned aspect");
        assertNull(r.polarity("restaurant.dish.taste"), "an aspect surely not mentioned has no polarity to read");

        // A node an analyst added after the network was trained has no aspect to read.
        Taxonomy edited = TaxonomyLoader.parse("restaurant+delivery", (new String(TaxonomyLoader.class.getResourceAsStream(
                "/taxonomies/restaurant.yaml").readAllBytes(), StandardCharsets.UTF_8)
                + "  - id: delivery\n    name: 外送\n    description: 外卖配送。\n    aspects: [外送]\n").getBytes(StandardCharsets.UTF_8));
        assertNull(net.reading(edited, p).polarity("restaurant.delivery"));
    }

    private static void set(float[] p, int aspect, float... values) {
        System.arraycopy(values, 0, p, aspect * 4, 4);
    }

    @Test
    void aBundleWithoutAspectsOrOfAnotherShapeIsRefused(@TempDir Path dir) throws IOException {
        ModelBundle shipped = ModelBundle.shipped(NAME);
        String manifest = shipped.manifest().toString();
        BundleException none = assertThrows(BundleException.class, () -> new AspectPolarityNetwork(BundleCopies.withManifest(dir, "a", shipped,
                manifest.replaceFirst("\"aspects\":\\[[^]]*]", "\"aspects\":[]"))));
        assertTrue(none.getMessage().contains("lists no aspects"), none.getMessage());
        BundleException shape = assertThrows(BundleException.class, () -> new AspectPolarityNetwork(BundleCopies.withManifest(dir, "b", shipped,
                manifest.replace("\"restaurant.location.traffic\",", ""))));
        assertTrue(shape.getMessage().contains("output has the shape [-1, 20, 4], expected [batch, 19, 4]"),
                shape.getMessage());
    }

    @Test
    void aTaxonomyWithoutOneOfTheAspectsIsNamed() {
        AspectPolarityNetwork net = AspectPolarityNetwork.shipped(NAME);
        Taxonomy phone = TaxonomyLoader.loadShipped("phone");
        BundleException e = assertThrows(BundleException.class, () -> net.checkAgainst(phone));
        assertTrue(e.getMessage().contains("scores restaurant.location.traffic, which taxonomy phone"), e.getMessage());
    }
}
