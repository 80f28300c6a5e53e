package io.vocengine.taxonomy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated, immutable taxonomy: a forest of {@link TaxonomyNode}s plus its version.
 * Instances are built only by {@link TaxonomyLoader} and are safe to share between threads.
 */
public final class Taxonomy {
    private final String id;
    private final String name;
    private final String contentHash;
    private final String source;
    private final Map<String, TaxonomyNode> nodes;

    Taxonomy(String id, String name, String contentHash, String source, List<TaxonomyNode> nodeList) {
        this.id = id;
        this.source = source;
        this.name = name;
        this.contentHash = contentHash;
        Map<String, TaxonomyNode> byId = new LinkedHashMap<>();
        for (TaxonomyNode n : nodeList) byId.put(n.id(), n);
        this.nodes = Collections.unmodifiableMap(byId);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Where it was loaded from (a path or {@code classpath:taxonomies/x.yaml}), for error messages. */
    public String source() {
        return source;
    }

    /** First 12 hex digits of the SHA-256 of the file's bytes: any edit gives a new version. */
    public String contentHash() {
        return contentHash;
    }

    /** The stamp written on every result: {@code ecommerce@3f2a9c01b2d4}. */
    public String version() {
        return id + "@" + contentHash;
    }

    public Map<String, TaxonomyNode> nodes() {
        return nodes;
    }

    public TaxonomyNode node(String nodeId) {
        TaxonomyNode n = nodes.get(nodeId);
        if (n == null) throw new IllegalArgumentException("unknown taxonomy node '" + nodeId + "' in " + version());
        return n;
    }

    /** Display names from the root down to the node: [物流, 包装, 破损]. */
    public List<String> pathNames(String nodeId) {
        return path(nodeId).stream().map(TaxonomyNode::name).toList();
    }

    /** Ids from the root down to the node itself. */
    public List<String> pathIds(String nodeId) {
        return path(nodeId).stream().map(TaxonomyNode::id).toList();
    }

    private List<TaxonomyNode> path(String nodeId) {
        List<TaxonomyNode> path = new ArrayList<>();
        for (TaxonomyNode n = node(nodeId); n != null; n = n.parentId() == null ? null : nodes.get(n.parentId())) {
            path.add(n);
        }
        Collections.reverse(path);
        return path;
    }
}
