package io.vocengine.engine.model;


import java.util.List;

/**
 * The tagger's output for one item.
 *
 * @param tags       tags, most specific node per mention; ancestors are implied by each tag's path
 * @param taxonomies version stamps ({@code ecommerce@3f2a9c01b2d4}) of the taxonomies the tagger used
 */
public record Tagging(List<Tag> tags, List<String> taxonomies) {
    public Tagging {
        tags = List.copyOf(tags);
        taxonomies = List.copyOf(taxonomies);
    }
}
