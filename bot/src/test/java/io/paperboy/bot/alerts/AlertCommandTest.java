package io.paperboy.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.core.command.Caller;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.ParsedCommand;
import io.paperboy.bot.config.AlertsConfig;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Platform;
import io.paperboy.store.PaperStore;
import io.paperboy.store.alert.AlertStore;
import io.paperboy.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertCommandTest {

  private static final ChannelRef C1 = ChannelRef.of(Platform.DISCORD, "G1", "C1");
  private static final Caller MANAGER = new Caller("M1", "mia", true);
  private static final Caller MEMBER = new Caller("U1", "uri", false);

  @TempDir
  Path dir;

  private SqliteStores stores;
  private AlertStore alerts;
  private CommandRegistry registry;
  private CommandService service;
  private Instant now = Instant.parse("2024-06-07T00:00:00Z");

  @BeforeEach
  void setUp() {
    stores = SqliteStores.open(dir.resolve("a.db"));
    PaperStore store = stores.papers();
    alerts = stores.alerts();
    registry = new CommandRegistry(List.of(new AlertCommand(alerts, store, new AlertsConfig(3, 2, 5))));
    service = new CommandService(registry);
    LocalDate d = LocalDate.of(2024, 6, 7);
    store.save(new Digest(d, List.of(
        new DigestEntry(d, 1, "2406.00001", "Video Diffusion at Scale", "https://arxiv.org/abs/2406.00001",
            Optional.of(10), List.of("Ana Kim"), Optional.empty(), "- 확산모델로 비디오를 만든다."),
        new DigestEntry(d, 2, "2406.00002", "LLMOps Handbook", "https://arxiv.org/abs/2406.00002",
            Optional.of(5), List.of("Bo Lee"), Optional.empty(), "- 배포 자동화")), "t.md"));
  }

  @AfterEach
  void tearDown() {
    service.close();
    stores.close();
  }

  private Message ask(Caller who, String text) {
    ParsedCommand p = registry.parse("alert", text);
    now = now.plusSeconds(1);
    return service.execute(new CommandRequest("alert", p.subcommand(), p.options(), who, C1, now))
        .toCompletableFuture().join();
  }

  private static String text(Message m) {
    StringBuilder sb = new StringBuilder();
    for (Block b : m.blocks()) {
      if (b instanceof Block.Text t) {
        sb.append(t.markdown());
      } else if (b instanceof Block.Context c) {
        sb.append(String.join(" ", c.items()));
      }
    }
    return sb.toString();
  }

  @Test
  @DisplayName("a manager adds a channel alert with a mention; a member may only add one for themself")
  void addPermissions() {
    Message saved = ask(MANAGER, "add 확산 OR diffusion mention:<@&42>");
    assertThat(text(saved)).startsWith("Alert #1 saved: `확산 OR diffusion` → this channel, pinging role 42");
    assertThat(saved.ephemeral()).isTrue();
    assertThat(text(ask(MEMBER, "add 확산"))).contains("Only people who can manage this channel");
    assertThat(text(ask(MEMBER, "add 확산 to:me"))).contains("→ your direct messages");
    assertThat(text(ask(MEMBER, "add agent to:me mention:<@9>"))).contains("`mention` is for channel alerts");
    assertThat(alerts.all()).extracting(a -> a.target().key())
        .containsExactly("discord:G1:C1", "discord:G1:@U1");
  }

  @Test
  @DisplayName("a malformed query is refused with the position of the problem")
  void syntax() {
    Message m = ask(MANAGER, "add (확산 OR");
    assertThat(text(m)).contains("position").contains("^");
    assertThat(alerts.all()).isEmpty();
  }

  @Test
  @DisplayName("limits per workspace and per user, duplicates, and the per-user rate limit answer clearly")
  void limits() {
    assertThat(text(ask(MEMBER, "add a to:me"))).contains("saved");
    assertThat(text(ask(MEMBER, "add a to:me"))).contains("already exists");
    assertThat(text(ask(MEMBER, "add b to:me"))).contains("saved");
    assertThat(text(ask(MEMBER, "add c to:me"))).contains("You already have 2 alerts");
    assertThat(text(ask(MANAGER, "add d"))).contains("saved");
    assertThat(text(ask(MANAGER, "add e"))).contains("This workspace already has 3 alerts");
    // the limiter allows 5 commands a minute per user: MEMBER has used 4 within seconds
    ask(MEMBER, "list");
    assertThat(text(ask(MEMBER, "list"))).contains("Too many `/alert` commands");
    now = now.plusSeconds(61);
    assertThat(text(ask(MEMBER, "list"))).doesNotContain("Too many");
  }

  @Test
  @DisplayName("list shows this channel's alerts and the caller's own; remove respects ownership")
  void listAndRemove() {
    ask(MANAGER, "add 확산");
    ask(MEMBER, "add agent to:me");
    ask(MANAGER, "add mine to:me");
    String listed = text(ask(MEMBER, "list"));
    assertThat(listed).contains("#1 `확산`").contains("#2 `agent`").doesNotContain("mine");
    assertThat(text(ask(MEMBER, "remove 1"))).contains("Only people who can manage channels");
    assertThat(text(ask(MEMBER, "remove 3"))).contains("belongs to someone else");
    assertThat(text(ask(MEMBER, "remove 2"))).contains("removed");
    assertThat(text(ask(MANAGER, "remove 99"))).contains("There is no alert #99");
  }

  @Test
  @DisplayName("test shows which recent papers match and why")
  void testQuery() {
    String answer = text(ask(MEMBER, "test 모델 -llmops"));
    assertThat(answer).contains("Video Diffusion at Scale").contains("모델 in summary").doesNotContain("LLMOps")
        .contains("1 of the last 2 papers match");
    assertThat(text(ask(MEMBER, "test llm"))).contains("None of the last 2 papers match");
  }
}
