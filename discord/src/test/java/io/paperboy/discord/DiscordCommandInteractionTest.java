package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperboy.core.command.CommandRequest;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.FakeInteraction;
import io.paperboy.testkit.discord.RecordedCall;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slash commands through real JDA: the fake dispatches INTERACTION_CREATE over the gateway and
 * the tests read the callback bodies JDA sends back.
 */
@DisplayName("Slash commands through JDA")
class DiscordCommandInteractionTest {

  @RegisterExtension
  static final LogGuard logs = new LogGuard();

  private static DiscordFixture discord;

  @BeforeAll
  static void start() throws Exception {
    discord = DiscordFixture.start();
  }

  @AfterAll
  static void stop() {
    discord.close();
  }

  @BeforeEach
  void clear() {
    discord.commands.received.clear();
  }

  @Test
  @DisplayName("/paper is answered at once with the paper card as an embed")
  void paper() {
    // WHEN a member runs /paper 2406.04325
    String id = discord.fake.send(FakeInteraction.slash("paper").option("id", "2406.04325"));

    // THEN the callback is a channel message with the card embed, pinging nobody
    JsonNode body = discord.fake.awaitCallback(id).body();
    assertThat(body.path("type").asInt()).isEqualTo(4);
    JsonNode data = body.path("data");
    assertThat(data.path("flags").asInt() & 64).as("ephemeral flag").isZero();
    JsonNode embed = data.path("embeds").get(0);
    assertThat(embed.path("title").asText()).startsWith("#1 ShareGPT4Video");
    assertThat(embed.path("url").asText()).isEqualTo("https://arxiv.org/abs/2406.04001");
    assertThat(embed.path("description").asText()).contains("- **ShareGPT4Video** 시리즈는", "3× 낮다");
    assertThat(embed.path("image").path("url").asText()).endsWith("2406.04001.png");
    assertThat(data.at("/allowed_mentions/parse")).isEmpty();
    assertThat(DiscordPayloadValidator.validate(data)).isEmpty();
  }

  @Test
  @DisplayName("/top is deferred, then answered by a follow-up; options arrive typed")
  void top() {
    String id = discord.fake.send(FakeInteraction.slash("top").option("when", "2024-06-07").option("n", 4));

    assertThat(discord.fake.awaitCallback(id).body().path("type").asInt()).as("deferred").isEqualTo(5);
    RecordedCall followUp = discord.fake.await("POST", "/webhooks/" + FakeDiscord.BOT_ID + "/token-" + id);
    assertThat(followUp.body().path("content").asText()).isEqualTo("## Top 4 · 2024-06-07");
    assertThat(followUp.body().path("embeds")).hasSize(4);
    assertThat(DiscordPayloadValidator.validate(followUp.body())).isEmpty();

    CommandRequest request = discord.commands.received.get(0);
    assertThat(request.options()).containsEntry("n", 4L).containsEntry("when", "2024-06-07");
    assertThat(request.now()).isEqualTo(DiscordFixture.CLOCK.instant());
  }

  @Test
  @DisplayName("an answer too big for one message arrives as several follow-ups, every paper present")
  void multiPart() {
    String id = discord.fake.send(FakeInteraction.slash("top").option("n", 25));
    discord.fake.awaitCallback(id);
    String webhook = "/webhooks/" + FakeDiscord.BOT_ID + "/token-" + id;
    // 25 cards at 10 embeds per message at most: three follow-ups
    discord.fake.await(c -> c.is("POST", webhook) && discord.fake.calls("POST", webhook).size() == 3,
        Duration.ofSeconds(10));
    int cards = 0;
    for (RecordedCall call : discord.fake.calls("POST", webhook)) {
      assertThat(DiscordPayloadValidator.validate(call.body())).isEmpty();
      cards += call.body().path("embeds").size();
    }
    assertThat(cards).isEqualTo(25);
  }

  @Test
  @DisplayName("a deferred command that ends in an error answers ephemerally, not in the public placeholder")
  void deferredError() {
    String id = discord.fake.send(FakeInteraction.slash("top").option("when", "2020-01-01"));
    assertThat(discord.fake.awaitCallback(id).body().path("type").asInt()).isEqualTo(5);
    String webhook = "/webhooks/" + FakeDiscord.BOT_ID + "/token-" + id;
    discord.fake.await("DELETE", webhook + "/messages/(@|%40)original");
    JsonNode followUp = discord.fake.await("POST", webhook).body();
    assertThat(followUp.path("flags").asInt() & 64).isEqualTo(64);
    assertThat(followUp.path("content").asText()).startsWith("No digest on 2020-01-01.\nUsage: `/top");
  }

  @Test
  @DisplayName("an out-of-range integer is refused before the command runs")
  void outOfRange() {
    String id = discord.fake.send(FakeInteraction.slash("top").option("n", 99));
    JsonNode body = discord.fake.awaitCallback(id).body();
    assertThat(body.path("type").asInt()).as("answered at once, not deferred").isEqualTo(4);
    assertThat(body.at("/data/content").asText()).startsWith("`n` must be a number from 1 to 25, not `99`.");
    assertThat(discord.commands.received).isEmpty();
  }

  @Test
  @DisplayName("a usage error is an ephemeral answer naming the problem and the usage")
  void usageError() {
    String id = discord.fake.send(FakeInteraction.slash("paper").option("id", "1234.5678"));
    JsonNode data = discord.fake.awaitCallback(id).body().path("data");
    assertThat(data.path("flags").asInt() & 64).as("ephemeral flag").isEqualTo(64);
    assertThat(data.path("content").asText()).isEqualTo("No paper `1234.5678` in the digests.\nUsage: `/paper <id>`");
  }

  @Test
  @DisplayName("a member without Manage Channels is refused a manager-only command, ephemerally")
  void refusesNonManager() {
    String id = discord.fake.send(FakeInteraction.slash("subscribe").option("style", "threads").by(FakeDiscord.MEMBER_ID));
    JsonNode data = discord.fake.awaitCallback(id).body().path("data");
    assertThat(data.path("flags").asInt() & 64).isEqualTo(64);
    assertThat(data.path("content").asText()).isEqualTo("Only people who can manage this channel may use `/subscribe`.");
    assertThat(discord.commands.received).isEmpty();
  }

  @Test
  @DisplayName("a manager may run it; the request carries who, which guild and channel, and may-manage")
  void acceptsManager() {
    String id = discord.fake.send(FakeInteraction.slash("subscribe").option("style", "forum").by(FakeDiscord.MANAGER_ID));
    JsonNode data = discord.fake.awaitCallback(id).body().path("data");
    assertThat(data.path("flags").asInt() & 64).as("configuration answers are ephemeral").isEqualTo(64);
    assertThat(data.path("content").asText())
        .isEqualTo("Subscribed `discord:" + FakeDiscord.GUILD_ID + ":" + FakeDiscord.TEXT_CHANNEL_ID + "` (forum).");
    CommandRequest request = discord.commands.received.get(0);
    assertThat(request.caller().userId()).isEqualTo(FakeDiscord.MANAGER_ID);
    assertThat(request.caller().displayName()).isEqualTo("moderator");
    assertThat(request.caller().canManage()).isTrue();
    assertThat(request.channel())
        .isEqualTo(ChannelRef.of(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.TEXT_CHANNEL_ID));
  }

  @Test
  @DisplayName("may-manage is per channel: a member overwrite granting Manage Channels counts there only")
  void perChannelOverwrite() {
    String id = discord.fake.send(FakeInteraction.slash("subscribe").by(FakeDiscord.MEMBER_ID)
        .in(FakeDiscord.GUILD_ID, FakeDiscord.MEMBER_MANAGED_CHANNEL_ID));
    assertThat(discord.fake.awaitCallback(id).body().at("/data/content").asText()).startsWith("Subscribed");
    assertThat(discord.commands.received.get(0).caller().canManage()).isTrue();
    assertThat(discord.commands.received.get(0).channel().channel()).isEqualTo(FakeDiscord.MEMBER_MANAGED_CHANNEL_ID);
  }

  @Test
  @DisplayName("the same command from another guild is scoped to that guild")
  void otherGuild() {
    String id = discord.fake.send(FakeInteraction.slash("subscribe").by(FakeDiscord.OWNER_ID)
        .in(FakeDiscord.OTHER_GUILD_ID, FakeDiscord.OTHER_CHANNEL_ID));
    discord.fake.awaitCallback(id);
    assertThat(discord.commands.received.get(0).channel())
        .isEqualTo(ChannelRef.of(Platform.DISCORD, FakeDiscord.OTHER_GUILD_ID, FakeDiscord.OTHER_CHANNEL_ID));
    assertThat(discord.commands.received.get(0).caller().canManage()).as("guild owner").isTrue();
  }

  @Test
  @DisplayName("a manager-only subcommand is refused to a member while its sibling is allowed")
  void subcommands() {
    String add = discord.fake.send(FakeInteraction.slash("alert").sub("add").option("keyword", "diffusion")
        .by(FakeDiscord.MEMBER_ID));
    assertThat(discord.fake.awaitCallback(add).body().at("/data/content").asText())
        .isEqualTo("Only people who can manage this channel may use `/alert add`.");
    String list = discord.fake.send(FakeInteraction.slash("alert").sub("list").by(FakeDiscord.MEMBER_ID));
    assertThat(discord.fake.awaitCallback(list).body().at("/data/content").asText()).isEqualTo("alerts: list");
  }

  @Test
  @DisplayName("a mentionable option arrives in the platform-neutral user:/role: form")
  void mentionable() {
    String id = discord.fake.send(FakeInteraction.slash("alert").sub("add").option("keyword", "llm")
        .userOption("ping", FakeInteraction.OptionKind.MENTIONABLE, FakeDiscord.MEMBER_ID).by(FakeDiscord.MANAGER_ID));
    discord.fake.awaitCallback(id);
    CommandRequest request = discord.commands.received.get(0);
    assertThat(request.subcommand()).contains("add");
    assertThat(request.options()).containsEntry("ping", "user:" + FakeDiscord.MEMBER_ID).containsEntry("keyword", "llm");
  }

  @Test
  @DisplayName("a date option autocompletes keywords and the days that have digests")
  void autocomplete() {
    String id = discord.fake.send(FakeInteraction.autocomplete("top").focused("when", "2024-06"));
    JsonNode body = discord.fake.awaitCallback(id).body();
    assertThat(body.path("type").asInt()).isEqualTo(8);
    assertThat(body.at("/data/choices")).extracting(c -> c.path("value").asText())
        .containsExactly("2024-06-07", "2024-06-06", "2024-06-05");

    String typed = discord.fake.send(FakeInteraction.autocomplete("top").focused("when", "y"));
    assertThat(discord.fake.awaitCallback(typed).body().at("/data/choices")).extracting(c -> c.path("name").asText())
        .containsExactly("yesterday");
  }

  @Test
  @DisplayName("after an op 7 reconnect the session resumes and commands are still answered")
  void reconnect() {
    int resumes = discord.fake.resumes();
    discord.fake.requestReconnect();
    FakeDiscord.waitUntil(() -> discord.fake.resumes() == resumes + 1, Duration.ofSeconds(15), "RESUME");
    String id = discord.fake.send(FakeInteraction.slash("paper").option("id", "2406.04325"));
    assertThat(discord.fake.awaitCallback(id).body().at("/data/embeds")).hasSize(1);
    assertThat(discord.fake.identifies()).as("resumed, not re-identified").isEqualTo(1);
  }

  @Test
  @DisplayName("JDA used no route the fake does not know")
  void noUnknownRoutes() {
    String id = discord.fake.send(FakeInteraction.slash("paper").option("id", "2406.04325"));
    discord.fake.awaitCallback(id);
    assertThat(discord.fake.unhandled()).isEmpty();
    // once by the bot's own check before any shard starts (a refused token is one clear line),
    // once by the ShardManager for its first shard (the other shards copy it)
    assertThat(discord.fake.calls("GET", "/users/@me")).hasSize(2);
    assertThat(discord.fake.calls("GET", "/gateway/bot")).as("JDA reuses what the bot asked").hasSize(1);
  }
}
