package io.paperboy.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.paperboy.bot.cli.Cli.Result;
import io.paperboy.discord.DiscordBot;
import io.paperboy.slack.SlackAdapter;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.slack.FakeSlack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The log lines the README quotes as proof that Discord and Slack work are the lines {@code run}
 * prints: real JDA and real Bolt, started by {@code run} from the environment, against the
 * loopback fakes.
 */
@DisplayName("run prints the Discord and Slack lines the README quotes")
class PlatformLogLinesTest {

  @TempDir
  Path dir;

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(DiscordBot.class),
      (Logger) LoggerFactory.getLogger(SlackAdapter.class));

  @BeforeEach
  void captureLogs() {
    logs.start();
    for (Logger l : loggers) {
      l.addAppender(logs);
      // INFO is the default log level of paperboy.jar; the tests' logback config is quieter
      l.setLevel(Level.INFO);
    }
  }

  @AfterEach
  void releaseLogs() {
    for (Logger l : loggers) {
      l.detachAppender(logs);
      l.setLevel(null);
    }
  }

  /** The README's code spans that start with {@code prefix}, as patterns: each … stands for any text. */
  private static List<Pattern> quoted(String prefix) throws IOException {
    String readme = Files.readString(Cli.PROJECT.resolve("README.md"), StandardCharsets.UTF_8);
    List<Pattern> found = new ArrayList<>();
    Matcher m = Pattern.compile("`(" + Pattern.quote(prefix) + "[^`]*)`").matcher(readme.replace("\n   ", " "));
    while (m.find()) {
      String regex = Arrays.stream(m.group(1).split("…", -1)).map(Pattern::quote).collect(Collectors.joining(".+"));
      found.add(Pattern.compile(regex));
    }
    return found;
  }

  private List<String> messages() {
    return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  @DisplayName("Discord: the ready line with the invite URL")
  void discord() throws Exception {
    List<Pattern> lines = quoted("Discord ready as ");
    assertThat(lines).as("the README quotes the Discord ready line").hasSize(1);
    try (FakeDiscord fake = FakeDiscord.start(DiscordBot.invitePermissions())) {
      Result r = Cli.runWithInput("/quit\n", Map.of("DISCORD_TOKEN", "fake-token",
          "PAPERBOY_DISCORD_API_URL", fake.apiUrl(), "PAPERBOY_DISCORD_GATEWAY_URL", fake.gatewayUrl()),
          "run", "--db", dir.resolve("p.db").toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(messages()).anySatisfy(line -> assertThat(line).matches(lines.get(0)));
      assertThat(r.err()).as("said once, in the words quoted").doesNotContain("Discord: connected");
    }
  }

  @Test
  @DisplayName("Slack: the Socket Mode line, after the connection opened")
  void slack() throws Exception {
    List<Pattern> lines = quoted("Slack: Socket Mode, commands ");
    assertThat(lines).as("the README quotes the Socket Mode line").hasSize(1);
    try (FakeSlack fake = FakeSlack.start()) {
      // the console types /quit only once the Socket Mode connection is open (or after a generous wait)
      java.io.Reader quitWhenConnected = new java.io.Reader() {
        private final java.io.StringReader quit = new java.io.StringReader("/quit\n");
        private boolean waited;

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
          if (!waited) {
            waited = true;
            try {
              fake.socketMode().awaitConnection(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return quit.read(buf, off, len);
        }

        @Override
        public void close() {
          quit.close();
        }
      };
      Result r = Cli.runWithInput(quitWhenConnected, Map.of("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN,
          "SLACK_APP_TOKEN", FakeSlack.APP_TOKEN, "PAPERBOY_SLACK_API_URL", fake.apiUrl().toString()),
          "run", "--db", dir.resolve("p.db").toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(messages()).anySatisfy(line -> assertThat(line).matches(lines.get(0)));
      assertThat(r.err()).as("said once, in the words quoted").doesNotContain("Slack: started");
      assertThat(fake.calls("auth.test")).isNotEmpty();
      assertThat(fake.calls("apps.connections.open")).isNotEmpty();
      assertThat(fake.socketMode().connections()).isPositive();
    }
  }

  @Test
  @DisplayName("Slack: the HTTP-mode line, once it listens")
  void slackHttp() throws Exception {
    List<Pattern> lines = quoted("Slack: HTTP mode at ");
    assertThat(lines).as("the README quotes the HTTP-mode line").hasSize(1);
    try (FakeSlack fake = FakeSlack.start()) {
      Result r = Cli.runWithInput("/quit\n", Map.of("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN,
          "SLACK_SIGNING_SECRET", "fake-signing-secret", "PAPERBOY_SLACK_API_URL", fake.apiUrl().toString(),
          "PAPERBOY_SLACK_HTTP_HOST", "127.0.0.1", "PAPERBOY_SLACK_HTTP_PORT", "0"),
          "run", "--db", dir.resolve("p.db").toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(messages()).anySatisfy(line -> assertThat(line).matches(lines.get(0)));
    }
  }
}
