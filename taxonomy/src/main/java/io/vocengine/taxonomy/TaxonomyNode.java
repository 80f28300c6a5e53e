package io.vocengine.taxonomy;

/**
 * One node of a taxonomy, immutable.
 *
 * @param id          globally unique id: the taxonomy id, a dot, then the local id ({@code ecommerce.logistics.packaging.damaged})
 * @param localId     the id as written in the file
 * @param parentId    global id of the parent, or null for a top-level node
 * @param name        Chinese display name (破损)
 * @param polarity    fixed polarity when the node itself names a problem or a praise; null when the mention's own
 *                    opinion decides
 * @param line        1-based line of the node in its file, for error messages
 */
public record TaxonomyNode(String id, String localId, String parentId, String name, String description,
                           Polarity polarity, NodeRules rules, NodeExamples examples, int line) {
}
