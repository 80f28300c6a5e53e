package io.vocengine.engine.emotion;

import java.util.Locale;

/**
 * The level-1 nodes of the risk taxonomy (risk.yaml) and how much each weighs in an item's severity. A safety
 * incident outranks a lawsuit threat, which outranks a regulator or media threat, which outranks a churn threat:
 * the order in which VoC teams escalate them.
 */
public enum RiskType {
    CHURN(0.6), REGULATOR(0.75), LEGAL(0.8), SAFETY(0.9);

    private final double weight;

    RiskType(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    /** The local id of the risk taxonomy's level-1 node (churn, regulator, legal, safety). */
    public String nodeId() {
        return "risk." + name().toLowerCase(Locale.ROOT);
    }

    /** The type of a risk tag's node id (risk.safety.fire → SAFETY); null for an id outside the risk taxonomy. */
    public static RiskType of(String nodeId) {
        for (RiskType t : values()) {
            if (nodeId.equals(t.nodeId()) || nodeId.startsWith(t.nodeId() + ".")) return t;
        }
        return null;
    }
}
