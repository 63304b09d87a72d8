package org.parathumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "plain.jpg             | plain.jpg",
            "café été.jpg          | café été.jpg",
            "new\\nline.jpg        | $'new\\nline.jpg'",
            "tab\\tand'quote.jpg   | $'tab\\tand\\'quote.jpg'",
            "bell\\u0007.jpg       | $'bell\\x07.jpg'"})
    void namesWithControlCharactersAreQuotedAsBashReadsThem(String name, String shown) {
        String real = name.replace("\\n", "\n").replace("\\t", "\t").replace("\\u0007", "\u0007");

        assertThat(Paths.quoted(real)).isEqualTo(shown);
    }
}
