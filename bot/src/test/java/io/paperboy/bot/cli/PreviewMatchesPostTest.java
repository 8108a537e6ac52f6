package io.paperboy.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.bot.Paperboy;
import io.paperboy.bot.config.ConfigLoader;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.delivery.DeliveryRuntime;
import io.paperboy.bot.subscriptions.SubscriptionChanges;
import io.paperboy.core.command.Caller;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.ParsedCommand;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.slack.SlackClients;
import io.paperboy.slack.SlackGateway;
import io.paperboy.slack.SlackRenderer;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.testkit.slack.FakeSlack;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /preview} and {@code paperboy preview} against the real post: a 1,000-paper day, the
 * flood bound configured through the environment, the composition root's delivery worker posting
 * through Bolt to the fake Slack. The preview must say (and draw) as many messages as arrive.
 */
@DisplayName("preview = post: for a 1,000-paper day, /preview and `paperboy preview` take as many messages as the real post")
class PreviewMatchesPostTest {

  /** 09:00 in Seoul on Friday 2024-06-07: the default subscription's slot. */
  private static final Instant SLOT = Instant.parse("2024-06-07T00:00:00Z");
  private static final String DIGEST_CHANNEL = "C0DIGEST";
  private static final String THREADS_CHANNEL = "C0THREADS";
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Pattern MESSAGES = Pattern.compile("· (\\d+) messages? · only you see this");

  @TempDir
  Path dir;

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("PAPERBOY_DATABASE", dir.resolve("p.db").toString());
    // below what 100 cards take on Slack in either style, so the message half of the bound cuts
    env.put("PAPERBOY_DELIVERY_MAX_MESSAGES", "4");
    return env;
  }

  private record Result(int code, String out, String err) {}

  private Result cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Stdio stdio = new Stdio(new BufferedReader(new StringReader("")),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    int code = PaperboyCli.execute(args, stdio, env());
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path thousandPaperDay() throws Exception {
    StringBuilder md = new StringBuilder("## Daily Papers (2024-06-07)\n\n");
    for (int rank = 1; rank <= 1_000; rank++) {
      String id = String.format("2406.%05d", rank);
      md.append("### [Paper ").append(rank).append(": a study of many things](https://arxiv.org/abs/").append(id)
          .append(")\n\nVote: ").append(2_000 - rank).append("\n\n- 요약 ").append(rank)
          .append(": 이 논문은 많은 것을 연구한다.\n- A second line of summary.\n\n");
    }
    Path file = dir.resolve("2024-06-07.md");
    Files.writeString(file, md);
    return file;
  }

  private static int previewedMessages(Paperboy app, ChannelRef channel, Instant now) {
    ParsedCommand p = app.commands().parse("preview", "");
    Message answer = app.commands().execute(new CommandRequest("preview", p.subcommand(), p.options(),
        new Caller("U0ADMIN", "ada", true), channel, now)).toCompletableFuture().join();
    String note = answer.blocks().stream().filter(Block.Context.class::isInstance)
        .map(b -> String.join(" ", ((Block.Context) b).items())).findFirst().orElse("");
    Matcher m = MESSAGES.matcher(note);
    assertThat(m.find()).as("the preview's note says how many messages: " + note).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  @DisplayName("digest and threads style on Slack: the real post's messages = /preview's count = `paperboy preview`'s request bodies")
  void previewEqualsPost() throws Exception {
    // GIVEN a stored 1,000-paper day (the most a day may have by default)
    Result ingest = cli("ingest", thousandPaperDay().toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();

    // WHEN the CLI previews the day's post for Slack (the default subscription: digest style)
    Result preview = cli("preview", "--platform", "slack");
    assertThat(preview.code()).as(preview.err()).isZero();
    JsonNode bodies = new ObjectMapper().readTree(preview.out());
    Result discord = cli("preview", "--platform", "discord");
    assertThat(new ObjectMapper().readTree(discord.out()).size()).isBetween(1, 4);

    // AND the composition root posts the day to a digest-style and a threads-style Slack channel
    ChannelRef digest = ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, DIGEST_CHANNEL);
    ChannelRef threads = ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, THREADS_CHANNEL);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), SLOT.plusSeconds(60)));
    PaperboyConfig config = new ConfigLoader().load(Optional.empty(), env());
    try (FakeSlack fake = FakeSlack.start().channel(DIGEST_CHANNEL, FakeSlack.Membership.MEMBER)
        .channel(THREADS_CHANNEL, FakeSlack.Membership.MEMBER);
         Paperboy app = Paperboy.open(config, clock, env())) {
      Instant before = SLOT.minus(Duration.ofDays(1));
      app.subscriptionAdmin().subscribing().subscribeIfAbsent(digest, before);
      app.subscriptionAdmin().subscribing().subscribe(threads, SubscriptionChanges.parse(Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("threads"), Optional.empty()), before);
      int previewDigest = previewedMessages(app, digest, clock.instant());
      int previewThreads = previewedMessages(app, threads, clock.instant());
      SlackGateway gateway = new SlackGateway(SlackClients.create(fake.apiUrl()).methods(FakeSlack.BOT_TOKEN),
          new SlackRenderer(), Duration.ofSeconds(30), 3);
      try (DeliveryRuntime delivery = app.startDelivery(Map.of(Platform.SLACK, gateway))) {
        List<Delivery> sent = awaitSent(app, 2);

        // THEN each channel got exactly the previewed number of messages, within the bound
        for (Delivery row : sent) {
          assertThat(row.status()).as(row.lastError().orElse("")).isEqualTo(Delivery.Status.SENT);
        }
        int postedDigest = fake.messages(DIGEST_CHANNEL).size();
        int postedThreads = fake.messages(THREADS_CHANNEL).size();
        assertThat(postedDigest).isEqualTo(previewDigest).isEqualTo(bodies.size()).isBetween(1, 4);
        assertThat(postedThreads).isEqualTo(previewThreads).isBetween(1, 4);
        String all = fake.messages(DIGEST_CHANNEL).stream().map(m -> m.text() + "\n" + m.blocks())
            .reduce("", String::concat);
        assertThat(all).containsPattern("and \\d+ more: .?/digest 2024-06-07");
        assertThat(preview.out()).containsPattern("and \\d+ more: .?/digest 2024-06-07");
      }
    }
  }

  private static List<Delivery> awaitSent(Paperboy app, int rows) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<Delivery> all = List.of();
    while (System.nanoTime() < deadline) {
      all = app.subscriptionAdmin().reports().all().stream().filter(d -> d.kind() == Delivery.Kind.DIGEST).toList();
      if (all.size() >= rows && all.stream().allMatch(d -> d.status().isFinal())) {
        return all;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the digest rows were not finished within " + WAIT + ": " + all);
  }
}
