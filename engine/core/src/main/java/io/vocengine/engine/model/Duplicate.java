package io.vocengine.engine.model;

/**
 * Where an item stands among near-duplicates in its run.
 *
 * @param clusterId  id of the cluster's first item; an item that starts a cluster has its own id here
 * @param similarity estimated Jaccard similarity (character bigrams) to the cluster's first item; 1 for itself
 */
public record Duplicate(String clusterId, double similarity) {
    public static final String FLAG = "DUPLICATE";

    public boolean isCopy(String itemId) {
        return !clusterId.equals(itemId);
    }
}
