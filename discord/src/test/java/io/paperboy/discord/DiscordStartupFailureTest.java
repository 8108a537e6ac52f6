package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.core.command.CommandService;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.health.Readiness;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.net.ServerSocket;
import java.time.Duration;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("DiscordBot startup failures")
class DiscordStartupFailureTest {

  @RegisterExtension
  final LogGuard logs = new LogGuard();

  @Test
  @DisplayName("a gateway that never answers fails startup with a clear error instead of hanging")
  void gatewayUnreachable() throws Exception {
    logs.expect("Failed to establish connection");
    int freePort;
    try (ServerSocket probe = new ServerSocket(0)) {
      freePort = probe.getLocalPort();
    }
    String deadGateway = "ws://127.0.0.1:" + freePort + "/ws";
    try (FakeDiscord fake = FakeDiscord.start(Permission.getRaw(DiscordPermissions.required()));
         CommandService commands = new TestCommands().service()) {
      DiscordSettings settings = new DiscordSettings("fake-token", fake.apiUrl(), deadGateway);
      assertThatThrownBy(() -> DiscordBot.start(settings, commands, DiscordFixture.CLOCK,
          Duration.ofSeconds(3)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(deadGateway).hasMessageContaining("not ready");
    }
  }

  @Test
  @DisplayName("DISCORD_TOKEN=bogus and Discord unreachable: one WARN line (platform, host, what to check) and no stack trace; retried with backoff, not ready, posts transient; ready once Discord is reachable")
  void unreachableThenBack() throws Exception {
    logs.expect("DiscordConnection: Discord at http://127.0.0.1:\\d+/api/v10/: cannot reach 127.0.0.1 .*check the network");
    Readiness readiness = new Readiness();
    try (GatedProxy network = new GatedProxy();
         FakeDiscord fake = FakeDiscord.start(JdaAgainstFake.BOT_PERMISSIONS);
         CommandService commands = new TestCommands().service();
         DiscordConnection discord = DiscordConnection.launch(
             new DiscordSettings("bogus", "http://127.0.0.1:" + network.port() + "/api/v10/", fake.gatewayUrl()),
             commands, DiscordFixture.CLOCK, DiscordPacing.inProcess(), readiness,
             new DiscordConnection.Backoff(Duration.ofMillis(20), Duration.ofMillis(200)))) {
      FakeDiscord.waitUntil(() -> network.refused() >= 4, Duration.ofSeconds(30), "four attempts");

      assertThat(logs.warnings()).as("one line however many attempts").singleElement().satisfies(line -> {
        assertThat(line.getThrowableProxy()).as("no stack trace").isNull();
        assertThat(line.getFormattedMessage()).doesNotContain("\n").doesNotContain("bogus");
      });
      assertThat(readiness.ready()).isFalse();
      assertThat(readiness.checks()).singleElement().satisfies(c -> assertThat(c.detail()).contains("cannot reach 127.0.0.1"));
      ChannelRef text = ChannelRef.of(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.TEXT_CHANNEL_ID);
      assertThatThrownBy(() -> discord.gateway().post(text, Message.of(TestPapers.typical(1)), PostOptions.digest("k")))
          .isInstanceOfSatisfying(PostException.class, e -> assertThat(e.kind()).isEqualTo(PostException.Kind.TRANSIENT));

      network.open(fake.port());
      assertThat(discord.awaitConnected(Duration.ofSeconds(30))).isTrue();
      assertThat(readiness.ready()).isTrue();
      assertThat(discord.gateway().post(text, Message.of(TestPapers.typical(1)), PostOptions.digest("k")).messageIds())
          .hasSize(1);
    }
  }

  @Test
  @DisplayName("a refused token is said in one line and not retried: only a new token helps")
  void tokenRefusedInBackground() throws Exception {
    logs.expect("DiscordConnection: Discord at .*refused the token.*DISCORD_TOKEN.*not retrying");
    Readiness readiness = new Readiness();
    try (FakeDiscord fake = FakeDiscord.start(0); CommandService commands = new TestCommands().service()) {
      fake.rejectToken("bad-token");
      try (DiscordConnection discord = DiscordConnection.launch(
          new DiscordSettings("bad-token", fake.apiUrl(), fake.gatewayUrl()), commands, DiscordFixture.CLOCK,
          DiscordPacing.inProcess(), readiness, new DiscordConnection.Backoff(Duration.ofMillis(20), Duration.ofMillis(20)))) {
        FakeDiscord.waitUntil(() -> readiness.checks().get(0).detail().contains("refused"), Duration.ofSeconds(30),
            "the refusal reported");
        assertThat(fake.calls("GET", "/users/@me")).hasSize(1);
        assertThat(readiness.ready()).isFalse();
      }
    }
  }

  @Test
  @DisplayName("a REST endpoint that refuses the token fails startup naming the URL")
  void tokenRefused() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start(0); CommandService commands = new TestCommands().service()) {
      fake.failNext("GET", "/users/@me", 401, 0, "401: Unauthorized");
      DiscordSettings settings = new DiscordSettings("bad-token", fake.apiUrl(), fake.gatewayUrl());
      assertThatThrownBy(() -> DiscordBot.start(settings, commands, DiscordFixture.CLOCK,
          Duration.ofSeconds(3)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(fake.apiUrl());
    }
  }
}
