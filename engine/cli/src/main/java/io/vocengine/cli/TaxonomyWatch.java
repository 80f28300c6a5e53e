package io.vocengine.cli;

import io.vocengine.engine.LiveEngine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls taxonomy files and reloads the live engine when one changes. Polling, not a WatchService: editors replace
 * files by rename, which directory watches report inconsistently across file systems. Used by one scheduler thread.
 */
final class TaxonomyWatch implements Runnable {
    private final List<Path> files;
    private final LiveEngine live;
    private final PrintStream log;
    private List<FileTime> stamps;

    TaxonomyWatch(List<Path> files, LiveEngine live, PrintStream log) {
        this.files = List.copyOf(files);
        this.live = live;
        this.log = log;
        this.stamps = stamps();
    }

    void scheduleOn(ScheduledExecutorService scheduler) {
        if (files.isEmpty()) {
            log.println("voc serve: --watch has nothing to watch (no --taxonomy FILE given)");
            return;
        }
        scheduler.scheduleWithFixedDelay(this, 2, 2, TimeUnit.SECONDS);
    }

    @Override
    public void run() {
        List<FileTime> now = stamps();
        if (now.equals(stamps)) return;
        stamps = now;
        try {
            LiveEngine.Reload r = live.reload();
            log.println("voc serve: reloaded taxonomies " + r.before() + " -> " + r.after());
        } catch (RuntimeException e) { // keep serving the old version; say why the new one was refused
            log.println("voc serve: taxonomy change refused, still serving " + live.current().taxonomyVersions()
                    + ": " + e.getMessage());
        }
    }

    private List<FileTime> stamps() {
        List<FileTime> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(Files.getLastModifiedTime(f));
            } catch (IOException e) {
                out.add(FileTime.fromMillis(0)); // missing for now (mid-rename): compare as a change later
            }
        }
        return out;
    }
}
