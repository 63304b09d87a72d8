package org.parathumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class ParathumbCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionAloneAnswersWhatPicocliWouldPrint(String option) {
        StringWriter picocli = new StringWriter();
        ParathumbCommand.commandLine("--version").printVersionHelp(new PrintWriter(picocli, true));
        StringWriter out = new StringWriter();

        int code = ParathumbCommand.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                option);

        assertThat(code).isEqualTo(ParathumbCommand.OK);
        assertThat(out.toString()).isEqualTo(picocli.toString()).startsWith("parathumb ");
    }

    @Test
    void helpListsEveryCommandAndEachIsKnownByItsOwnName() {
        StringWriter out = new StringWriter();

        int code = ParathumbCommand.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "--help");

        assertThat(code).isEqualTo(ParathumbCommand.OK);
        assertThat(out.toString()).contains("run", "bench", "generate", "formats", "help");
        assertThat(ParathumbCommand.commandLine("--help").getSubcommands()).allSatisfy((name, command) -> {
            assertThat(command.getCommandName()).isEqualTo(name);
            assertThat(ParathumbCommand.isSubcommand(name)).isTrue();
        }).hasSize(5);
    }

    @Test
    void aCommandLineNamingOneCommandBuildsThatCommandAlone() {
        assertThat(ParathumbCommand.commandLine("run", "photos").getSubcommands()).containsOnlyKeys("run");
        assertThat(ParathumbCommand.commandLine("help", "run").getSubcommands()).hasSize(5);
        assertThat(ParathumbCommand.commandLine("rnu", "photos").getSubcommands()).hasSize(5);
    }
}
