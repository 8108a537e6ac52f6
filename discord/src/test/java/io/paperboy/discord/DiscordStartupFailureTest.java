package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.core.command.CommandService;
import io.paperboy.testkit.discord.FakeDiscord;
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
