package org.parathumb.core.bench;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * A report as CSV (RFC 4180): one row per configuration, with its numbers, its raw wall times and
 * the setting repeated on each row, so the file stands alone in a spreadsheet or a data frame.
 */
public final class BenchmarkCsv {

    static final String HEADER = "workload,configuration,workers,median_s,min_s,max_s,units_per_s,megapixels_per_s,"
            + "speedup,efficiency,samples_s,amdahl_f,cores,jvm_version,jvm_vendor,max_heap_bytes,pipeline,engine,units,"
            + "megapixels,loop_count,repeats,warmups,load_average";

    private BenchmarkCsv() {
    }

    public static String write(BenchmarkReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        BenchmarkSetting s = report.setting();
        String amdahl = report.amdahl().map(f -> number(f.serialFraction())).orElse("");
        for (ConfigurationResult r : report.results()) {
            StringJoiner samples = new StringJoiner(" ");
            r.wallTimes().nanos().forEach(n -> samples.add(number(n / 1e9)));
            StringJoiner row = new StringJoiner(",");
            row.add(s.workload().id()).add(r.configuration().label()).add(Integer.toString(r.configuration().workers()))
                    .add(number(r.wallTimes().medianSeconds())).add(number(r.wallTimes().minSeconds()))
                    .add(number(r.wallTimes().maxSeconds())).add(number(r.unitsPerSecond()))
                    .add(number(r.megapixelsPerSecond())).add(number(report.speedup(r)))
                    .add(number(report.efficiency(r))).add(samples.toString()).add(amdahl)
                    .add(Integer.toString(s.cores())).add(quote(s.jvmVersion())).add(quote(s.jvmVendor()))
                    .add(Long.toString(s.maxHeapBytes())).add(quote(s.pipeline())).add(quote(s.engine()))
                    .add(Integer.toString(s.units()))
                    .add(number(s.megapixels())).add(Long.toString(s.loopCount())).add(Integer.toString(s.repeats()))
                    .add(Integer.toString(s.warmups())).add(s.loadAverage() < 0 ? "" : number(s.loadAverage()));
            csv.append(row).append("\r\n");
        }
        return csv.toString();
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
