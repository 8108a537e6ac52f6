package io.paperboy.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.bot.discord.fake.RecordedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("DiscordBot against the fake Discord")
class DiscordBotTest {

  @RegisterExtension
  final LogGuard logs = new LogGuard();

  private DiscordFixture discord;

  @BeforeEach
  void start() throws Exception {
    discord = DiscordFixture.start();
  }

  @AfterEach
  void stop() {
    discord.close();
  }

  @Test
  @DisplayName("connects, registers every command in one PUT, and touches no unknown route")
  void registers() {
    RecordedCall put = discord.fake.await("PUT", "/applications/\\d+/commands");
    assertThat(put.body()).hasSize(4);
    System.out.println("PUT BODY " + put.body().toPrettyString());
    long t0 = System.nanoTime();
    discord.close();
    System.out.println("CLOSE took ms " + (System.nanoTime() - t0) / 1_000_000);
    assertThat(discord.bot.commandsRegistered()).isTrue();
    assertThat(discord.fake.unhandled()).isEmpty();
  }
}
