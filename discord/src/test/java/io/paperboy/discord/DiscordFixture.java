package io.paperboy.discord;

import io.paperboy.core.command.CommandService;
import io.paperboy.testkit.discord.FakeDiscord;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.dv8tion.jda.api.Permission;

/**
 * A fake Discord with the real bot connected to it. The bot's role holds exactly the permissions
 * its invite URL asks for, so JDA's own permission checks prove that set is enough.
 */
final class DiscordFixture implements AutoCloseable {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-07T09:00:00Z"), ZoneOffset.UTC);
  /** Generous: a guard against a hang, not a timing assertion. */
  static final Duration READY = Duration.ofSeconds(20);

  final FakeDiscord fake;
  final TestCommands commands;
  final CommandService service;
  final DiscordBot bot;

  private DiscordFixture(FakeDiscord fake, TestCommands commands, CommandService service, DiscordBot bot) {
    this.fake = fake;
    this.commands = commands;
    this.service = service;
    this.bot = bot;
  }

  static DiscordFixture start() throws IOException, InterruptedException {
    FakeDiscord fake = FakeDiscord.start(Permission.getRaw(DiscordPermissions.required()));
    TestCommands commands = new TestCommands();
    CommandService service = commands.service();
    try {
      return new DiscordFixture(fake, commands, service, connect(fake, service));
    } catch (RuntimeException | InterruptedException e) {
      service.close();
      fake.close();
      throw e;
    }
  }

  static DiscordBot connect(FakeDiscord fake, CommandService service) throws InterruptedException {
    DiscordSettings settings = new DiscordSettings("fake-token", fake.apiUrl(), fake.gatewayUrl());
    return DiscordBot.start(settings, service, CLOCK, READY);
  }

  @Override
  public void close() {
    try {
      bot.close();
    } finally {
      service.close();
      fake.close();
    }
  }
}
