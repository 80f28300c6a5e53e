package io.vocengine.engine.tag;

import io.vocengine.engine.model.Arc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep mode's pairing: an opinion pairs with an aspect only when the dependency parse links their words within two
 * arcs (屏幕 ←nsubj− 碎; 服务 ←nsubj− 好 −conj→ 快), instead of any aspect in the same clause. Per item.
 */
final class Links {
    private static final int MAX_DISTANCE = 2;
    private final Map<Integer, List<Integer>> neighbours = new HashMap<>();

    Links(List<Arc> arcs) {
        for (Arc a : arcs) {
            neighbours.computeIfAbsent(a.head(), k -> new ArrayList<>()).add(a.dependent());
            neighbours.computeIfAbsent(a.dependent(), k -> new ArrayList<>()).add(a.head());
        }
    }

    /**
     * The aspect of the opinion's clause whose word is nearest the opinion's in the parse, within two arcs; null when
     * none is linked. The clause still bounds the pair: a parse may link across 但是.
     */
    TermHit governedAspect(TermHit opinion, List<TermHit> aspects, WordBoundaries words) {
        int from = words.tokenIndexAt(opinion.start());
        int clause = words.clauseAt(opinion.start());
        TermHit best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (TermHit a : aspects) {
            if (a.overlaps(opinion) || words.clauseAt(a.start()) != clause) continue;
            int d = distance(from, words.tokenIndexAt(a.start()));
            if (d <= MAX_DISTANCE && d < bestDistance) {
                best = a;
                bestDistance = d;
            }
        }
        return best;
    }

    private int distance(int from, int to) {
        if (from == to) return 0;
        List<Integer> frontier = List.of(from);
        java.util.Set<Integer> seen = new java.util.HashSet<>(frontier);
        for (int d = 1; d <= MAX_DISTANCE; d++) {
            List<Integer> next = new ArrayList<>();
            for (int n : frontier) {
                for (int m : neighbours.getOrDefault(n, List.of())) {
                    if (m == to) return d;
                    if (seen.add(m)) next.add(m);
                }
            }
            frontier = next;
        }
        return Integer.MAX_VALUE;
    }
}
