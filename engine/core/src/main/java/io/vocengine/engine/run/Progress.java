package io.vocengine.engine.run;

import java.io.PrintStream;

/**
 * A progress line on stderr: a bar when the input size is known, a counter otherwise. On a terminal it redraws in
 * place a few times a second; in a log (CI) it prints a line every 10% or 15 s. Used from one thread only.
 */
public final class Progress {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LOG_NANOS = 15_000_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int lastDecile = -1;
    private long lastItems = -1;

    public Progress(PrintStream out, String label, boolean terminal) {
        this.out = out;
        this.label = label;
        this.terminal = terminal;
    }

    /** A progress line on stderr, redrawn in place when the launcher says stderr is a terminal (-Dvoc.tty=true). */
    public static Progress stderr(String label) {
        return new Progress(System.err, label, Boolean.getBoolean("voc.tty"));
    }

    /** @param total input bytes, or -1 when unknown */
    public void update(long items, long done, long total) {
        long now = System.nanoTime();
        int decile = total > 0 ? (int) (10 * done / total) : -1;
        boolean due = terminal ? now - lastDraw >= REDRAW_NANOS : decile > lastDecile || now - lastDraw >= LOG_NANOS;
        if (!due) return;
        lastDraw = now;
        lastDecile = Math.max(lastDecile, decile);
        String line = render(items, done, total, now);
        lastItems = items;
        if (terminal) out.print("\r" + line);
        else out.println(line);
        out.flush();
    }

    public void finish(long items, long done, long total) {
        String line = render(items, done, total, System.nanoTime());
        if (terminal) out.println("\r" + line);
        else if (items != lastItems) out.println(line); // a log already has this line
    }

    private String render(long items, long done, long total, long now) {
        double secs = Math.max(1e-9, (now - start) / 1e9);
        String rate = String.format("%,d items  %,.0f items/s  %.1f s", items, items / secs, secs);
        if (total <= 0) return label + "  " + rate;
        double f = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(f * WIDTH);
        return String.format("%s [%s%s] %3.0f%%  %s", label, "#".repeat(filled), ".".repeat(WIDTH - filled), f * 100, rate);
    }
}
