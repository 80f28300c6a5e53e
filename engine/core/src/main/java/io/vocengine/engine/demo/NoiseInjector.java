package io.vocengine.engine.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mess of real Chinese feedback, at documented rates (also written to effects.json). Whether an item gets a kind
 * of noise is drawn from the noise stream alone, never from what the item is about or which record it belongs to, so
 * noise cannot carry a planted effect; only the flavour follows the text's tone (😡 on a complaint, 👍 on praise).
 * Noise decorates or rewrites a text and never replaces it, so it is never the whole content of an effect-carrying
 * item. Standalone noise items (spam, template filler, keyboard mashing) are made by the generator from
 * {@link #spam()}, {@link #filler(String)} and {@link #mash()}.
 */
final class NoiseInjector {
    // Per-item rates, each drawn independently.
    static final double EMOJI_RATE = 0.12;
    static final double KAOMOJI_RATE = 0.02;
    static final double SLANG_RATE = 0.05;
    static final double TYPO_RATE = 0.04;
    static final double TRADITIONAL_RATE = 0.03;
    /** Of the items that contain ASCII letters or digits (model names, day counts, ads): converted to full width. */
    static final double FULL_WIDTH_RATE = 0.30;
    static final double REPEAT_RATE = 0.06;
    static final double AD_RATE = 0.01;
    static final double PII_RATE = 0.01;
    static final double MASH_RATE = 0.003;
    // Standalone items and duplicates, as shares of all feedback.
    static final double SPAM_ITEM_SHARE = 0.008;
    static final double FILLER_ITEM_SHARE = 0.015;
    static final double MASH_ITEM_SHARE = 0.004;
    static final double REPOST_SHARE = 0.015;
    static final double NEAR_DUPLICATE_SHARE = 0.015;

    private static final List<String> POSITIVE_EMOJI = List.of("👍", "❤️", "😂", "🥰", "✨", "👏", "💯", "🎉");
    private static final List<String> NEGATIVE_EMOJI = List.of("😡", "😭", "🙄", "😤", "💢", "👎", "😓", "🤮");
    private static final List<String> NEUTRAL_EMOJI = List.of("😂", "🤔", "😅", "🙂");
    private static final List<String> POSITIVE_KAOMOJI = List.of("(*^▽^*)", "^_^", "(๑•̀ㅂ•́)و✧", "o(^▽^)o");
    private static final List<String> NEGATIVE_KAOMOJI = List.of("(╯°□°）╯︵ ┻━┻", "QAQ", "(ಥ_ಥ)", "orz", "T_T");
    private static final String[][] SLANG_SWAPS = {
            {"没有", "木有"}, {"怎么", "肿么"}, {"这样", "酱紫"}, {"什么", "神马"}, {"喜欢", "稀饭"}, {"非常", "灰常"}};
    private static final List<String> POSITIVE_SLANG = List.of("yyds", "绝绝子", "爱了爱了", "真香");
    private static final List<String> NEGATIVE_SLANG = List.of("真的会谢", "无语子", "蚌埠住了", "我真的栓Q");
    private static final List<String> NEUTRAL_SLANG = List.of("emmm", "害", "咋说呢");
    /** Function-word edits a customer makes when reposting: 了→啦, 很→挺 … */
    private static final List<String[]> WORD_SWAPS = List.of(
            new String[]{"了", "啦"}, new String[]{"很", "挺"}, new String[]{"太", "好"}, new String[]{"啊", "呀"});
    private static final String[][] TYPOS =
            {{"的", "得"}, {"得", "的"}, {"地", "的"}, {"再", "在"}, {"在", "再"}, {"已经", "以经"}};
    private static final List<String> ADS = List.of("加微信 vx8899 领红包", "代购正品私聊", "好评返现加V：shop2025",
            "点击 http://t.cn/A6x9Kq 领取优惠券", "兼职刷单日结，加QQ 2893345", "https://dwz.cn/7Fk2aQ 超低价清仓");
    private static final List<String> MASHES = List.of("asdfgh", "qwerty", "jkjkjk", "zxcvbn", "ssssss", "asdfghjkl");
    private static final List<String> MAIL_NAMES = List.of("zhangwei", "liuyang", "wangfang", "lixia", "chenjie", "xiaomei");
    private static final List<String> MAIL_HOSTS = List.of("163.com", "qq.com", "126.com", "gmail.com");
    /** Simplified → traditional for the characters the phrase banks use most. */
    private static final Map<Character, Character> TRADITIONAL = traditionalTable(
            "这這个個们們没沒还還买買东東时時间間务務态態费費价價贵貴车車后後机機电電维維对對点點开開门門问問题題应應该該"
                    + "给給让讓过過来來为為样樣长長实實现現经經烂爛压壓评評论論欢歡觉覺与與难難饭飯环環员員顾顧卖賣运運单單"
                    + "号號钱錢换換够夠级級别別错錯边邊头頭气氣热熱烫燙声聲响響异異顿頓启啟动動网網码碼数數设設备備记記听聽"
                    + "说說装裝质質递遞发發货貨坏壞损損转轉吗嗎么麼进進线線颜顏图圖处處业業认認识識试試话話谢謝请請爱愛从從"
                    + "会會体體准準卫衛视視风風轻輕饿餓馆館鱼魚汤湯团團划劃优優约約纸紙湿濕简簡导導贴貼统統闪閃稳穩频頻续續"
                    + "宝寶险險销銷讲講细細额額离離谱譜里裡满滿坚堅结結严嚴该該扬揚补補偿償惯慣轮輪厂廠库庫凉涼厨廚脏髒");

    private final Rand rand;

    NoiseInjector(Rand rand) {
        this.rand = rand;
    }

    /**
     * Applies the per-item noise. Additions go at clause edges; rewrites (slang, typos, traditional characters,
     * full width) change the script or a function word, as real customers do, but never add content words.
     */
    String apply(String text, Sentiment sentiment) {
        String t = text;
        if (rand.chance(SLANG_RATE)) t = slang(t, sentiment);
        if (rand.chance(TYPO_RATE)) t = typo(t);
        if (rand.chance(REPEAT_RATE)) t = repeat(t, sentiment);
        if (rand.chance(EMOJI_RATE)) t = emoji(t, sentiment);
        if (rand.chance(KAOMOJI_RATE)) {
            t = t + rand.pick(sentiment == Sentiment.POSITIVE ? POSITIVE_KAOMOJI : NEGATIVE_KAOMOJI);
        }
        if (rand.chance(AD_RATE)) t = t + " " + rand.pick(ADS);
        if (rand.chance(PII_RATE)) t = clause(t, pii());
        if (rand.chance(MASH_RATE)) t = t + rand.pick(MASHES);
        if (rand.chance(TRADITIONAL_RATE)) t = traditional(t);
        if (hasAsciiAlnum(t) && rand.chance(FULL_WIDTH_RATE)) t = fullWidth(t);
        return t;
    }

    /** An ad posted as feedback: one or two ads, sometimes with a fake-praise lead-in. */
    String spam() {
        String ad = rand.pick(ADS);
        if (rand.chance(0.3)) ad = ad + "，" + rand.pick(ADS);
        return rand.chance(0.3) ? "好评！" + ad : ad;
    }

    /** What a platform writes when the customer wrote nothing. */
    String filler(String source) {
        List<String> options = switch (source) {
            case "tmall", "jd" -> List.of("默认好评", "此用户未填写评价内容", "好评", "好评！", "系统默认好评");
            default -> List.of("好评", "不错", "好评！", "5分");
        };
        return rand.pick(options);
    }

    String mash() {
        return rand.chance(0.7) ? rand.pick(MASHES) : rand.pick(List.of("啊啊啊啊啊啊", "。。。。。。", "111111", "？？？？"));
    }

    /** The same text with one or two characters changed at the edges of clauses, never inside the words. */
    String nearDuplicate(String text) {
        String t = text;
        int edits = rand.between(1, 2);
        for (int i = 0; i < edits; i++) {
            t = switch (rand.between(0, 2)) {
                case 0 -> swapEnding(t);
                case 1 -> {
                    String[] swap = rand.pick(WORD_SWAPS);
                    yield t.contains(swap[0]) ? replaceFirst(t, swap[0], swap[1]) : swapEnding(t);
                }
                default -> t.replaceFirst("，", rand.chance(0.5) ? "！" : "。");
            };
        }
        return t.equals(text) ? text + "~" : t;
    }

    private String swapEnding(String t) {
        boolean question = t.endsWith("？") || t.endsWith("?");
        String ending = rand.pick(question ? List.of("？？", "?", "？！") : List.of("。", "！", "!", "~", "！！"));
        return stripEnding(t) + ending;
    }

    private static String replaceFirst(String t, String from, String to) {
        int at = t.indexOf(from);
        return at < 0 ? t + "！" : t.substring(0, at) + to + t.substring(at + from.length());
    }

    private String slang(String t, Sentiment sentiment) {
        for (String[] swap : SLANG_SWAPS) {
            if (t.contains(swap[0]) && rand.chance(0.7)) return t.replace(swap[0], swap[1]);
        }
        List<String> tail = switch (sentiment) {
            case POSITIVE -> POSITIVE_SLANG;
            case NEGATIVE -> NEGATIVE_SLANG;
            default -> NEUTRAL_SLANG;
        };
        return clause(t, rand.pick(tail));
    }

    private String typo(String t) {
        int start = rand.between(0, TYPOS.length - 1);
        for (int k = 0; k < TYPOS.length; k++) {
            String[] swap = TYPOS[(start + k) % TYPOS.length];
            if (t.contains(swap[0])) return replaceFirst(t, swap[0], swap[1]);
        }
        return t;
    }

    /** 好好好好, ！！！！, 。。。 — emphasis by repetition. */
    private String repeat(String t, Sentiment sentiment) {
        return switch (rand.between(0, 2)) {
            case 0 -> stripEnding(t) + rand.pick(sentiment == Sentiment.NEGATIVE
                    ? List.of("！！！！", "。。。", "？？？") : List.of("！！！", "~~~", "。。。"));
            case 1 -> clause(t, rand.pick(sentiment == Sentiment.NEGATIVE
                    ? List.of("啊啊啊啊", "气气气") : List.of("好好好好", "赞赞赞", "买买买")));
            default -> {
                String body = stripEnding(t);
                if (body.isEmpty()) yield t;
                int last = body.offsetByCodePoints(body.length(), -1);
                yield body + body.substring(last).repeat(2) + "！";
            }
        };
    }

    private static String stripEnding(String t) {
        int end = t.length();
        while (end > 0 && "。！!~？?".indexOf(t.charAt(end - 1)) >= 0) end--;
        return t.substring(0, end);
    }

    private String emoji(String t, Sentiment sentiment) {
        List<String> pool = switch (sentiment) {
            case POSITIVE -> POSITIVE_EMOJI;
            case NEGATIVE -> NEGATIVE_EMOJI;
            default -> NEUTRAL_EMOJI;
        };
        String e = rand.pick(pool).repeat(rand.between(1, 3));
        int comma = t.indexOf('，');
        if (comma > 0 && rand.chance(0.3)) return t.substring(0, comma) + e + t.substring(comma);
        return t + e;
    }

    /** A mainland mobile number (1[35789] + 9 digits) or an e-mail address, as customers leave them. */
    private String pii() {
        if (rand.chance(0.7)) {
            StringBuilder phone = new StringBuilder("1").append(rand.pick(List.of("3", "5", "7", "8", "9")));
            for (int i = 0; i < 9; i++) phone.append(rand.between(0, 9));
            return rand.chance(0.3) ? "（电话" + phone + "）" : rand.pick(List.of("有问题打我电话", "我手机号")) + phone;
        }
        return "邮箱" + rand.pick(MAIL_NAMES) + rand.between(1, 999) + "@" + rand.pick(MAIL_HOSTS);
    }

    /** Appends a clause: after a comma, or directly when the text already ends a sentence. */
    private static String clause(String text, String addition) {
        boolean ended = !text.isEmpty() && "。！!~？".indexOf(text.charAt(text.length() - 1)) >= 0;
        return ended || addition.startsWith("（") ? text + addition : text + "，" + addition;
    }

    static String traditional(String t) {
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            out.append(TRADITIONAL.getOrDefault(c, c));
        }
        return out.toString();
    }

    private static boolean hasAsciiAlnum(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
        }
        return false;
    }

    /** ASCII letters and digits to their full-width forms (Ａ, ５). */
    static String fullWidth(String t) {
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            out.append(alnum ? (char) (c + 0xFEE0) : c);
        }
        return out.toString();
    }

    private static Map<Character, Character> traditionalTable(String pairs) {
        Map<Character, Character> m = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length(); i += 2) m.put(pairs.charAt(i), pairs.charAt(i + 1));
        return Map.copyOf(m);
    }
}
