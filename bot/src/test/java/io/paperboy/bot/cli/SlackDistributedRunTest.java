package io.paperboy.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.paperboy.bot.cli.Cli.Result;
import io.paperboy.slack.SlackAdapter;
import io.paperboy.testkit.slack.FakeSlack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * {@code run} with {@code SLACK_CLIENT_ID}, {@code SLACK_CLIENT_SECRET} and
 * {@code SLACK_SIGNING_SECRET} (no bot token): Slack starts as a distributed app on the run's
 * database and logs where to install it, in the words the README quotes.
 */
@DisplayName("run as a distributed Slack app: no bot token needed, the install URL logged as the README quotes it")
class SlackDistributedRunTest {

  @TempDir
  Path dir;

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger logger = (Logger) org.slf4j.LoggerFactory.getLogger(SlackAdapter.class);

  @BeforeEach
  void capture() {
    logs.start();
    logger.addAppender(logs);
    logger.setLevel(Level.INFO);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logs);
    logger.setLevel(null);
  }

  @Test
  @DisplayName("the distributed line names /slack/install and how many workspaces are installed")
  void distributedRun() throws Exception {
    String readme = Files.readString(Cli.PROJECT.resolve("README.md"), StandardCharsets.UTF_8).replace("\n   ", " ");
    Matcher m = Pattern.compile("`(Slack: distributed app; [^`]*)`").matcher(readme);
    assertThat(m.find()).as("the README quotes the distributed-app line").isTrue();
    Pattern quoted = Pattern.compile(Arrays.stream(m.group(1).split("…", -1)).map(Pattern::quote)
        .collect(Collectors.joining(".+")));
    try (FakeSlack fake = FakeSlack.start()) {
      Result r = Cli.runWithInput("/quit\n", Map.of("SLACK_CLIENT_ID", FakeSlack.CLIENT_ID,
          "SLACK_CLIENT_SECRET", FakeSlack.CLIENT_SECRET, "SLACK_SIGNING_SECRET", "fake-signing-secret",
          "PAPERBOY_SLACK_API_URL", fake.apiUrl().toString(), "PAPERBOY_SLACK_HTTP_HOST", "127.0.0.1",
          "PAPERBOY_SLACK_HTTP_PORT", "0"), "run", "--db", dir.resolve("p.db").toString());

      assertThat(r.code()).as(r.err()).isZero();
      List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(lines).anySatisfy(line -> assertThat(line).matches(quoted).contains("/slack/install (0 installed"));
      assertThat(r.err()).doesNotContain("not started");
    }
  }
}
