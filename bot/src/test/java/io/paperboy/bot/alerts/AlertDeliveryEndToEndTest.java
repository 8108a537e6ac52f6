package io.paperboy.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.bot.Paperboy;
import io.paperboy.core.command.Caller;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.ParsedCommand;
import io.paperboy.bot.config.PaperboyConfig;
import io.paperboy.bot.delivery.DeliveryRuntime;
import io.paperboy.core.message.Message;
import io.paperboy.slack.SlackClients;
import io.paperboy.slack.SlackGateway;
import io.paperboy.slack.SlackRenderer;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.PostedMessage;
import io.paperboy.testkit.outbox.OutboxDrain;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.DeliveryReports;
import io.paperboy.scheduler.ingest.IngestProgress;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts end to end on the fake Slack: /alert add, an ingest, the delivery worker, real Bolt's
 * Web API client posting to the fake — once, to the right place, pinging only whom the alert names.
 */
class AlertDeliveryEndToEndTest {

  private static final String CHANNEL = "C0ALERTS";
  /** A guard against a hang, not a measurement. */
  private static final Duration GUARD = Duration.ofSeconds(30);
  private static final ChannelRef HERE = ChannelRef.of(Platform.SLACK, FakeSlack.TEAM_ID, CHANNEL);

  @TempDir
  Path dir;

  private FakeSlack fake;
  private Paperboy app;
  private DeliveryRuntime delivery;
  private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));

  @BeforeEach
  void start() throws Exception {
    fake = FakeSlack.start().channel(CHANNEL, FakeSlack.Membership.MEMBER);
    app = Paperboy.open(PaperboyConfig.defaults().withDatabase(dir.resolve("p.db").toString()), Clock.systemUTC());
    SlackGateway gateway = new SlackGateway(SlackClients.create(fake.apiUrl()).methods(FakeSlack.BOT_TOKEN),
        new SlackRenderer(), Duration.ofSeconds(30), 3);
    delivery = app.startDelivery(Map.of(Platform.SLACK, gateway));
  }

  @AfterEach
  void stop() throws Exception {
    delivery.close();
    app.close();
    fake.close();
  }

  private Message alert(Caller who, String text) {
    ParsedCommand p = app.commands().parse("alert", text);
    return app.commands().execute(new CommandRequest("alert", p.subcommand(), p.options(), who, HERE,
        Clock.systemUTC().instant())).toCompletableFuture().join();
  }

  private Path digest(String name, String... papers) throws Exception {
    StringBuilder md = new StringBuilder("## Daily Papers (" + today + ")\n\n");
    for (String p : papers) {
      md.append(p).append("\n\n");
    }
    Path file = dir.resolve(name);
    Files.writeString(file, md.toString());
    return file;
  }

  @Test
  @DisplayName("a channel alert fires once on the next ingest, not on a re-ingest; a DM alert reaches its user; "
      + "the named group is the only mention")
  void endToEnd() throws Exception {
    // GIVEN a channel alert pinging a user group, and a member's DM alert
    Caller manager = new Caller("U0ADMIN", "ada", true);
    Caller member = new Caller("U0READER", "rea", false);
    assertThat(((io.paperboy.core.message.Block.Text) alert(manager, "add 확산 mention:<!subteam^S0ML|@ml>").blocks()
        .get(0)).markdown()).contains("saved");
    alert(member, "add title:agent to:me");

    // WHEN today's digest is ingested
    String diffusion = "### [Video Diffusion <!channel> at Scale](https://arxiv.org/abs/2406.11111)\n\nVote: 5\n\n"
        + "Authors: Ana Kim\n\n- 확산모델로 비디오를 만든다. @everyone <@U0BOSS>";
    String agent = "### [Agents Everywhere](https://arxiv.org/abs/2406.22222)\n\nVote: 3\n\nAuthors: Bo Lee\n\n- 에이전트";
    String other = "### [Unrelated](https://arxiv.org/abs/2406.33333)\n\nVote: 1\n\n- 조용한 논문";
    Path day = digest("day.md", diffusion, agent, other);
    app.ingest(List.of(day), IngestProgress.NONE);

    // THEN the channel gets one message with the matching paper, pinging only the group
    // (alerts are planned within the ingest: once the outbox is drained, they are posted)
    DeliveryReports outbox = app.subscriptionAdmin().reports();
    OutboxDrain.await(outbox, GUARD);
    assertThat(outbox.all()).hasSize(2).allMatch(d -> d.kind() == Delivery.Kind.ALERT
        && d.status() == Delivery.Status.SENT);
    List<PostedMessage> inChannel = fake.messages(CHANNEL);
    assertThat(inChannel).hasSize(1);
    String all = inChannel.get(0).text() + "\n" + inChannel.get(0).blocks();
    assertThat(all).contains("Video Diffusion").doesNotContain("Agents Everywhere").doesNotContain("Unrelated");
    assertThat(all).contains("<!subteam^S0ML>");
    assertThat(all).doesNotContain("<!channel>").doesNotContain("<!everyone>").doesNotContain("<@U0BOSS>");
    // AND the member's DM gets the agent paper
    List<PostedMessage> dm = fake.messages("DU0READER");
    assertThat(dm).hasSize(1);
    assertThat(dm.get(0).text() + dm.get(0).blocks()).contains("Agents Everywhere").doesNotContain("<!subteam");

    // WHEN the same day is ingested again (votes changed)
    app.ingest(List.of(digest("again.md", diffusion.replace("Vote: 5", "Vote: 9"), agent, other)), IngestProgress.NONE);
    OutboxDrain.await(outbox, GUARD);

    // THEN no alert row was planned, and nothing more is posted
    assertThat(outbox.all()).hasSize(2);
    assertThat(fake.messages(CHANNEL)).hasSize(1);
    assertThat(fake.messages("DU0READER")).hasSize(1);
  }
}
