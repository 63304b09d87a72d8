package org.parathumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class ParathumbCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionAloneAnswersWhatPicocliWouldPrint(String option) {
        StringWriter picocli = new StringWriter();
        new CommandLine(new ParathumbCommand()).printVersionHelp(new PrintWriter(picocli, true));
        StringWriter out = new StringWriter();

        int code = ParathumbCommand.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                option);

        assertThat(code).isEqualTo(ParathumbCommand.OK);
        assertThat(out.toString()).isEqualTo(picocli.toString()).startsWith("parathumb ");
    }
}
