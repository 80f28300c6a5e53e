package io.vocengine.cli;

import io.vocengine.engine.Engine;
import io.vocengine.engine.index.FeedbackSearcher;
import io.vocengine.engine.index.SearchRequest;
import io.vocengine.engine.index.SearchResult;
import io.vocengine.engine.model.Channel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code voc search}: ranked, highlighted hits and facet counts from the index. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search indexed feedback in Chinese. Words are ANDed; Lucene syntax (OR, \"phrase\", -word) works.")
final class SearchCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engine;

    @Parameters(arity = "0..*", paramLabel = "WORDS", description = "Query words, e.g. 包装 破损. None: all items.")
    List<String> words = new ArrayList<>();

    @Option(names = "--tag", split = ",", paramLabel = "NODE", description = "Only items tagged with this node (any level), e.g. ecommerce.logistics; risk flags too, e.g. risk.safety.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--channel", split = ",", paramLabel = "CHANNEL", description = "Only these channels: review, complaint, survey, chat, social.")
    List<String> channels = new ArrayList<>();

    @Option(names = "--emotion", split = ",", paramLabel = "EMOTION", description = "Only items felt with one of these emotions: joy, like, anger, sadness, fear, disgust, surprise, neutral.")
    List<String> emotions = new ArrayList<>();

    @Option(names = "--by-severity", description = "Most severe first (risk flags, negativity, intensity) instead of most relevant first.")
    boolean bySeverity;

    @Option(names = {"-n", "--limit"}, defaultValue = "10", description = "Hits to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the result as one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) throw new UserError("--limit must be at least 1");
        Engine e = engine.engine();
        for (String tag : tags) {
            if (!e.knowsNode(tag)) throw new UserError("--tag " + tag + ": no such taxonomy node in "
                    + e.taxonomyVersions() + " (ids look like ecommerce.logistics.packaging.damaged)");
        }
        List<String> channelIds = new ArrayList<>();
        for (String c : channels) {
            Channel channel = Channel.parse(c);
            if (channel == null) throw new UserError("--channel " + c + ": expected review, complaint, survey, chat, social or other");
            channelIds.add(channel.json());
        }
        for (String emotion : emotions) {
            if (!e.emotionLabels().contains(emotion)) throw new UserError("--emotion " + emotion + ": expected one of " + e.emotionLabels());
        }
        SearchResult result;
        try (FeedbackSearcher searcher = FeedbackSearcher.open(engine.indexDir(), e.analyzer())) {
            result = searcher.search(new SearchRequest(String.join(" ", words), tags, channelIds, emotions, limit, bySeverity));
        }
        PrintStream out = System.out;
        if (json) out.println(Json.MAPPER.writeValueAsString(result));
        else new SearchPrinter(out, Boolean.getBoolean("voc.tty")).print(String.join(" ", words), result);
        return 0;
    }
}
