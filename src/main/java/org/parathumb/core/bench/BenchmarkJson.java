package org.parathumb.core.bench;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A report as JSON: the setting, every configuration with its raw wall times and statistics, and
 * the Amdahl fit. Hand-written: the structure is small and fixed, not worth a JSON library.
 */
public final class BenchmarkJson {

    private BenchmarkJson() {
    }

    public static String write(BenchmarkReport report) {
        BenchmarkSetting s = report.setting();
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"setting\": {\n");
        field(json, 4, "workload", string(s.workload().id()), true);
        field(json, 4, "description", string(s.workload().description()), true);
        field(json, 4, "cores", Integer.toString(s.cores()), true);
        field(json, 4, "jvm_version", string(s.jvmVersion()), true);
        field(json, 4, "jvm_vendor", string(s.jvmVendor()), true);
        field(json, 4, "max_heap_bytes", Long.toString(s.maxHeapBytes()), true);
        field(json, 4, "pipeline", string(s.pipeline()), true);
        field(json, 4, "engine", string(s.engine()), true);
        field(json, 4, "units", Integer.toString(s.units()), true);
        field(json, 4, "unit_name", string(s.unitName()), true);
        field(json, 4, "megapixels", number(s.megapixels()), true);
        field(json, 4, "loop_count", Long.toString(s.loopCount()), true);
        field(json, 4, "repeats", Integer.toString(s.repeats()), true);
        field(json, 4, "warmups", Integer.toString(s.warmups()), true);
        field(json, 4, "load_average", s.loadAverage() < 0 ? "null" : number(s.loadAverage()), false);
        json.append("  },\n  \"configurations\": [\n");
        for (int i = 0; i < report.results().size(); i++) {
            ConfigurationResult r = report.results().get(i);
            StringJoiner samples = new StringJoiner(", ", "[", "]");
            r.wallTimes().nanos().forEach(n -> samples.add(number(n / 1e9)));
            json.append("    {\n");
            field(json, 6, "configuration", string(r.configuration().label()), true);
            field(json, 6, "sequential", Boolean.toString(r.configuration().sequential()), true);
            field(json, 6, "workers", Integer.toString(r.configuration().workers()), true);
            field(json, 6, "samples_s", samples.toString(), true);
            field(json, 6, "median_s", number(r.wallTimes().medianSeconds()), true);
            field(json, 6, "min_s", number(r.wallTimes().minSeconds()), true);
            field(json, 6, "max_s", number(r.wallTimes().maxSeconds()), true);
            field(json, 6, "units_per_s", number(r.unitsPerSecond()), true);
            field(json, 6, "megapixels_per_s", number(r.megapixelsPerSecond()), true);
            field(json, 6, "speedup", number(report.speedup(r)), true);
            field(json, 6, "efficiency", number(report.efficiency(r)), r.stageMedians().isPresent());
            r.stageMedians().ifPresent(m -> field(json, 6, "stage_median_ms", String.format(Locale.ROOT,
                    "{\"decode\": %s, \"blur\": %s, \"resize\": %s, \"encode\": %s}", number(m.decodeMillis()),
                    number(m.blurMillis()), number(m.resizeMillis()), number(m.encodeMillis())), false));
            json.append(i + 1 < report.results().size() ? "    },\n" : "    }\n");
        }
        json.append("  ],\n  \"amdahl\": ");
        json.append(report.amdahl().map(f -> {
            String ceiling = f.ceiling().isPresent() ? number(f.ceiling().getAsDouble()) : "null";
            return "{\"serial_fraction\": " + number(f.serialFraction()) + ", \"ceiling\": " + ceiling
                    + ", \"points\": " + f.points() + "}";
        }).orElse("null"));
        json.append("\n}\n");
        return json.toString();
    }

    private static void field(StringBuilder json, int indent, String name, String value, boolean more) {
        json.append(" ".repeat(indent)).append(string(name)).append(": ").append(value).append(more ? ",\n" : "\n");
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "null";
        }
        return BenchmarkCsv.number(value);
    }

    private static final Map<Character, String> ESCAPES = Map.of(
            '"', "\\\"", '\\', "\\\\", '\n', "\\n", '\r', "\\r", '\t', "\\t", '\b', "\\b", '\f', "\\f");

    static String string(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            String escape = ESCAPES.get(c);
            if (escape != null) {
                quoted.append(escape);
            } else if (c < 0x20) {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
