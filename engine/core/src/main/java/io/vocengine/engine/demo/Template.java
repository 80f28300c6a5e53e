package io.vocengine.engine.demo;

import java.util.List;

/**
 * Expands phrase templates. Syntax, kept tiny so the banks read like the sentences they produce:
 * <ul>
 *   <li>{@code {a|b|c}} one alternative at random; an empty alternative ({@code {|了}}) is allowed</li>
 *   <li>{@code {INT}} intensifier (非常, 特别, 太 …), {@code {MILD}} softener (有点, 有些 …),
 *       {@code {P}} optional particle (啊, 呀, 哦 …)</li>
 *   <li>{@code {WAIT}} the delivery's real wait in days, {@code {DAYS}} the repair's real duration, written as digits
 *       or Chinese numerals; {@code {PRODUCT}} the product's short name</li>
 * </ul>
 * No nesting. Unknown upper-case slot names fail fast, so a typo in a bank cannot silently ship.
 */
final class Template {
    static final List<String> INTENSIFIERS = List.of("非常", "特别", "超级", "真的", "太", "很", "挺", "好");
    static final List<String> SOFTENERS = List.of("有点", "有些", "稍微有点", "略");
    static final List<String> PARTICLES = List.of("", "", "", "啊", "呀", "哦", "哈");
    private static final String[] DIGITS = {"零", "一", "两", "三", "四", "五", "六", "七", "八", "九"};

    /** Facts a template may mention. */
    record Slots(String product, int waitDays, int repairDays) {
        static final Slots NONE = new Slots("东西", 0, 0);
    }

    private Template() {
    }

    static String expand(String template, Slots slots, Rand rand) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int close = template.indexOf('}', i);
            if (close < 0) throw new IllegalArgumentException("unclosed { in template: " + template);
            String body = template.substring(i + 1, close);
            out.append(isSlot(body) ? slot(body, slots, rand, template) : alternative(body, rand));
            i = close + 1;
        }
        return out.toString();
    }

    private static boolean isSlot(String body) {
        return !body.isEmpty() && body.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z');
    }

    private static String slot(String name, Slots slots, Rand rand, String template) {
        return switch (name) {
            case "INT" -> rand.pick(INTENSIFIERS);
            case "MILD" -> rand.pick(SOFTENERS);
            case "P" -> rand.pick(PARTICLES);
            case "WAIT" -> number(slots.waitDays(), rand);
            case "DAYS" -> number(slots.repairDays(), rand);
            case "PRODUCT" -> slots.product();
            default -> throw new IllegalArgumentException("unknown slot {" + name + "} in template: " + template);
        };
    }

    private static String alternative(String body, Rand rand) {
        int count = 1;
        for (int k = 0; k < body.length(); k++) if (body.charAt(k) == '|') count++;
        int chosen = rand.between(0, count - 1);
        int start = 0;
        for (int k = 0; k < chosen; k++) start = body.indexOf('|', start) + 1;
        int end = body.indexOf('|', start);
        return end < 0 ? body.substring(start) : body.substring(start, end);
    }

    /** Customers write counts both ways: "5天" and "五天". */
    static String number(int n, Rand rand) {
        return rand.chance(0.5) ? Integer.toString(n) : chinese(n);
    }

    static String chinese(int n) {
        if (n < 0 || n > 99) return Integer.toString(n);
        if (n < 10) return DIGITS[n];
        int tens = n / 10, ones = n % 10;
        String head = tens == 1 ? "十" : (tens == 2 ? "二" : DIGITS[tens]) + "十";
        return ones == 0 ? head : head + (ones == 2 ? "二" : DIGITS[ones]);
    }
}
