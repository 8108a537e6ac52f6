package io.paperboy.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.bot.cli.Cli.Result;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code ask} gets a CLI with only its own subcommand (PaperboyCli.execute); to its user nothing differs. */
@DisplayName("ask's lighter start: found wherever it stands, and it parses, helps and fails as before")
class AskStartTest {

  @Test
  @DisplayName("ask is the subcommand when it is the first word that is no option nor an option's value")
  void recognisesAsk() {
    assertThat(Launcher.isAsk(new String[] {"ask", "/top"})).isTrue();
    assertThat(Launcher.isAsk(new String[] {"--db", "x.db", "--now", "2024-06-07", "ask", "/top"})).isTrue();
    assertThat(Launcher.isAsk(new String[] {"--db=x.db", "ask", "/top"})).isTrue();
    assertThat(Launcher.isAsk(new String[] {"--db", "ask", "export"})).as("a database file named ask").isFalse();
    assertThat(Launcher.isAsk(new String[] {"export", "ask"})).isFalse();
    assertThat(Launcher.isAsk(new String[] {"help", "ask"})).isFalse();
    assertThat(Launcher.isAsk(new String[] {})).isFalse();
  }

  @Test
  @DisplayName("ask --help, a missing COMMAND and an unknown option answer as the full CLI does")
  void sameAnswers() {
    Result help = Cli.run("ask", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).startsWith("Usage: paperboy ask ").contains("COMMAND").contains("--db").contains("Exit codes:");
    assertThat(Cli.run("help", "ask").out()).isEqualTo(help.out());

    Result none = Cli.run("ask");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("COMMAND");

    Result unknown = Cli.run("ask", "--bogus", "/top");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--bogus");
    assertThat(Cli.run("--bogus", "ask", "/top").err()).contains("--bogus");
  }
}
