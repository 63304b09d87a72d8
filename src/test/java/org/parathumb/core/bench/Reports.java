package org.parathumb.core.bench;

import java.util.ArrayList;
import java.util.List;

/** Reports made from known wall times, for tests of what is computed from them. */
final class Reports {

    private Reports() {
    }

    static BenchmarkSetting setting() {
        return new BenchmarkSetting(4, "17.0.15+6", "Eclipse \"Adoptium\", test", 2_000_000_000L, "faithful", "native AVX2 kernel",
                Workload.THUMBNAILS, 10, 120.5, 0, 3, 1, 0.5, -1);
    }

    /** The sequential loop's times, then those of 2, 4, 6... workers. */
    static BenchmarkReport of(WallTimes sequential, WallTimes... parallel) {
        List<ConfigurationResult> results = new ArrayList<>();
        results.add(new ConfigurationResult(Configuration.SEQUENTIAL, sequential, 10, 120.5, List.of()));
        for (int i = 0; i < parallel.length; i++) {
            results.add(new ConfigurationResult(Configuration.parallel(2 * (i + 1)), parallel[i], 10, 120.5, List.of()));
        }
        return new BenchmarkReport(setting(), results);
    }
}
