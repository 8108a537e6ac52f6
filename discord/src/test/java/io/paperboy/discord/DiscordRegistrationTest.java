package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperboy.core.command.Command;
import io.paperboy.core.command.CommandDefinition;
import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandService;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.core.command.OptionDefinition;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.RecordedCall;
import io.paperboy.core.message.Message;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.StreamSupport;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Command registration and invite URL")
class DiscordRegistrationTest {

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

  private static JsonNode command(JsonNode put, String name) {
    return StreamSupport.stream(put.spliterator(), false).filter(c -> c.path("name").asText().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no command " + name + " in " + put));
  }

  private static JsonNode option(JsonNode command, String name) {
    return StreamSupport.stream(command.path("options").spliterator(), false)
        .filter(o -> o.path("name").asText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no option " + name + " in " + command));
  }

  @Test
  @DisplayName("one bulk PUT carries every command with typed options and manager permissions")
  void bulkPut() {
    List<RecordedCall> puts = discord.fake.calls("PUT", "/applications/" + FakeDiscord.BOT_ID + "/commands");
    assertThat(puts).singleElement();
    JsonNode body = puts.get(0).body();
    assertThat(body).extracting(c -> c.path("name").asText()).containsExactly("paper", "top", "subscribe", "alert");
    for (JsonNode c : body) {
      assertThat(c.path("type").asInt()).isEqualTo(1);
      assertThat(c.path("contexts")).extracting(JsonNode::asInt).containsExactly(0);
    }

    JsonNode paper = command(body, "paper");
    assertThat(option(paper, "id").path("type").asInt()).as("string").isEqualTo(3);
    assertThat(option(paper, "id").path("required").asBoolean()).isTrue();
    assertThat(paper.path("default_member_permissions").isNull()).isTrue();

    JsonNode top = command(body, "top");
    JsonNode when = option(top, "when");
    assertThat(when.path("type").asInt()).isEqualTo(3);
    assertThat(when.path("autocomplete").asBoolean()).as("dates autocomplete").isTrue();
    assertThat(when.has("choices")).isFalse();
    JsonNode n = option(top, "n");
    assertThat(n.path("type").asInt()).as("integer").isEqualTo(4);
    assertThat(n.path("min_value").asLong()).isEqualTo(1);
    assertThat(n.path("max_value").asLong()).isEqualTo(25);

    JsonNode subscribe = command(body, "subscribe");
    assertThat(subscribe.path("default_member_permissions").asText())
        .isEqualTo(Long.toString(Permission.MANAGE_CHANNEL.getRawValue()));
    assertThat(option(subscribe, "style").path("choices")).extracting(c -> c.path("value").asText())
        .containsExactly("digest", "threads", "forum");

    JsonNode alert = command(body, "alert");
    assertThat(alert.path("default_member_permissions").isNull()).as("only `add` is manager-only").isTrue();
    JsonNode add = option(alert, "add");
    assertThat(add.path("type").asInt()).as("subcommand").isEqualTo(1);
    assertThat(option(add, "ping").path("type").asInt()).as("mentionable").isEqualTo(9);
  }

  @Test
  @DisplayName("a restart with the same definitions registers nothing; changed definitions are re-registered")
  void onlyWhenChanged() throws Exception {
    // GIVEN the fixture registered the commands once; a second process starts with the same ones
    try (DiscordBot again = DiscordFixture.connect(discord.fake, discord.service)) {
      assertThat(again.commandsRegistered()).isFalse();
    }
    assertThat(discord.fake.calls("PUT", "/applications/\\d+/commands")).hasSize(1);
    assertThat(discord.fake.calls("GET", "/applications/\\d+/commands")).hasSize(2);

    // WHEN a definition changes (a new option)
    List<Command> changed = new ArrayList<>();
    changed.add(new Command() {
      @Override
      public CommandDefinition definition() {
        return CommandDefinition.of("paper", "Show one paper", OptionDefinition.string("id", "arXiv id or URL", true),
            OptionDefinition.bool("full", "show the whole summary", false));
      }

      @Override
      public Message handle(CommandRequest request) {
        return Message.ephemeralText("x");
      }
    });
    try (CommandService changedCommands = new CommandService(new CommandRegistry(changed));
         DiscordBot changedBot = DiscordFixture.connect(discord.fake, changedCommands)) {
      // THEN it is registered in one bulk overwrite
      assertThat(changedBot.commandsRegistered()).isTrue();
    }
    List<RecordedCall> puts = discord.fake.calls("PUT", "/applications/\\d+/commands");
    assertThat(puts).hasSize(2);
    assertThat(puts.get(1).body()).singleElement().satisfies(c -> assertThat(option(c, "full").path("type").asInt())
        .isEqualTo(5));
  }

  @Test
  @DisplayName("the invite URL asks for bot + applications.commands and the computed permissions")
  void inviteUrl() {
    String url = URLDecoder.decode(discord.bot.inviteUrl(), StandardCharsets.UTF_8);
    assertThat(url).startsWith("https://discord.com/oauth2/authorize?client_id=" + FakeDiscord.BOT_ID)
        .contains("scope=bot applications.commands");
    long raw = Long.parseLong(url.replaceAll(".*permissions=(\\d+).*", "$1"));
    assertThat(Permission.getPermissions(raw)).containsExactlyInAnyOrderElementsOf(EnumSet.of(
        Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS,
        Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS));
  }
}
