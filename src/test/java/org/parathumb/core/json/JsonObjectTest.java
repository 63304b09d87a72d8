package org.parathumb.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonObjectTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain.jpg", "café été.jpg", "quote\".jpg", "back\\slash.jpg", "new\nline\r.jpg",
            "tab\t\u0000\u001f\u007f.jpg", "line\u2028sep.jpg", "emoji 😀.jpg"})
    void anyStringComesBackTheSameFromAStrictParserOnOneLine(String name) {
        String json = new JsonObject().add("source", name).add("n", 3).toString();

        assertThat(json).doesNotContain("\n").doesNotContain("\r");
        assertThat(JsonParser.parseString(json).getAsJsonObject().get("source").getAsString()).isEqualTo(name);
    }

    @Test
    void numbersKeepThreeDecimalsAndWhatJsonCannotHoldIsNull() {
        String json = new JsonObject().add("a", 1.23456).add("b", 2.0).add("c", Double.NaN).add("d", (String) null)
                .add("e", true).add("f", new JsonObject().add("g", 0.5)).toString();

        assertThat(json).isEqualTo("{\"a\":1.235,\"b\":2,\"c\":null,\"d\":null,\"e\":true,\"f\":{\"g\":0.5}}");
    }

    @Test
    void numbersRoundHalfUpOnTheirShortestDecimalsAndNeverGiveMinusZero() {
        String json = new JsonObject().add("a", 1.0005).add("b", 2.675).add("c", -0.0004).add("d", 123456.7895)
                .add("e", 1.5e-7).toString();

        assertThat(json).isEqualTo("{\"a\":1.001,\"b\":2.675,\"c\":0,\"d\":123456.79,\"e\":0}");
    }
}
