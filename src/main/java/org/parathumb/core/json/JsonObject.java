package org.parathumb.core.json;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Builds one JSON object on a single line, field by field, in the order given:
 * {@code new JsonObject().add("name", "café").add("ms", 1.5).toString()}. Strings are escaped as
 * RFC 8259 requires (quote, backslash, every control character), so a file name holding a newline
 * or a quote stays one valid line; numbers that JSON cannot hold (NaN, infinities) become null.
 * Small and fixed structures do not need a JSON library.
 */
public final class JsonObject {

    private final StringBuilder text = new StringBuilder("{");
    private boolean empty = true;

    public JsonObject add(String name, String value) {
        return raw(name, value == null ? "null" : quote(value));
    }

    public JsonObject add(String name, long value) {
        return raw(name, Long.toString(value));
    }

    public JsonObject add(String name, boolean value) {
        return raw(name, Boolean.toString(value));
    }

    /** A number with at most 3 decimals (milliseconds, seconds, rates), or null when not finite. */
    public JsonObject add(String name, double value) {
        return raw(name, number(value));
    }

    public JsonObject add(String name, JsonObject value) {
        return raw(name, value.toString());
    }

    /** {@code json} as the value, already valid JSON (an array, a nested object). */
    public JsonObject raw(String name, String json) {
        if (!empty) {
            text.append(',');
        }
        empty = false;
        text.append(quote(name)).append(':').append(json);
        return this;
    }

    @Override
    public String toString() {
        return text + "}";
    }

    /** {@code value} as a JSON number with at most 3 decimals, or {@code null} when it is not finite. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return "null";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        // Double.toString's digits rounded half up, as String.format's "%.3f" rounds them
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** {@code value} as a JSON string, quotes included. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean loneSurrogate = Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
                            && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)));
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || loneSurrogate) {
                        out.append(String.format("\\u%04x", (int) (loneSurrogate ? '\ufffd' : c)));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
