package org.parathumb.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportTest {

    private final BenchmarkReport report = Reports.of(
            WallTimes.ofSeconds(6.3, 6.18, 6.21), WallTimes.ofSeconds(3.26, 3.15, 3.19));

    @Test
    void csvHasAHeaderAndOneRowPerConfigurationWithTheSameColumns() {
        List<String> lines = BenchmarkCsv.write(report).lines().toList();

        assertThat(lines).hasSize(3);
        int columns = BenchmarkCsv.HEADER.split(",").length;
        assertThat(lines.get(1)).startsWith("thumbnails,seq,1,6.21,6.18,6.3,");
        assertThat(lines.get(2)).startsWith("thumbnails,2,2,3.19,3.15,3.26,");
        assertThat(lines.get(2)).contains(",3.26 3.15 3.19,");
        // the vendor holds a comma and quotes: quoted, so every row keeps its column count
        assertThat(lines.get(1)).contains("\"Eclipse \"\"Adoptium\"\", test\"");
        for (String line : lines.subList(1, 3)) {
            assertThat(splitCsv(line)).hasSize(columns);
        }
    }

    @Test
    void jsonParsesAndCarriesTheNumbersAndTheSetting() {
        JsonObject json = JsonParser.parseString(BenchmarkJson.write(report)).getAsJsonObject();

        JsonObject setting = json.getAsJsonObject("setting");
        assertThat(setting.get("cores").getAsInt()).isEqualTo(4);
        assertThat(setting.get("jvm_vendor").getAsString()).isEqualTo("Eclipse \"Adoptium\", test");
        assertThat(setting.get("megapixels").getAsDouble()).isEqualTo(120.5);
        assertThat(setting.get("engine").getAsString()).isEqualTo("native AVX2 kernel");
        assertThat(setting.get("load_average").getAsDouble()).isEqualTo(0.5);
        JsonObject parallel = json.getAsJsonArray("configurations").get(1).getAsJsonObject();
        assertThat(parallel.get("workers").getAsInt()).isEqualTo(2);
        assertThat(parallel.get("median_s").getAsDouble()).isEqualTo(3.19);
        assertThat(parallel.get("speedup").getAsDouble()).isCloseTo(6.21 / 3.19, within(1e-6));
        assertThat(parallel.getAsJsonArray("samples_s")).hasSize(3);
        assertThat(json.getAsJsonObject("amdahl").get("serial_fraction").getAsDouble())
                .isCloseTo(report.amdahl().orElseThrow().serialFraction(), within(1e-6));
    }

    @Test
    void jsonWithoutAFitSaysNull() {
        BenchmarkReport oneWorker = new BenchmarkReport(Reports.setting(), List.of(
                new ConfigurationResult(Configuration.SEQUENTIAL, WallTimes.ofSeconds(2), 10, 1, List.of()),
                new ConfigurationResult(Configuration.parallel(1), WallTimes.ofSeconds(2), 10, 1, List.of())));

        JsonObject json = JsonParser.parseString(BenchmarkJson.write(oneWorker)).getAsJsonObject();

        assertThat(json.get("amdahl").isJsonNull()).isTrue();
    }

    private static List<String> splitCsv(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
