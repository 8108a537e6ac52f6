package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostReceipt;
import io.paperboy.core.gateway.PostStyle;
import io.paperboy.core.message.Block.PaperCard;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.RecordedCall;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Forum posts carry no nonce: a retry finds the interrupted attempt's post by its marker instead of opening a second")
class DiscordForumRetryTest {

  @RegisterExtension
  final LogGuard logs = new LogGuard();

  private static final ChannelRef FORUM = ChannelRef.of(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.FORUM_CHANNEL_ID);
  private static final String FORUM_THREADS = "/channels/" + FakeDiscord.FORUM_CHANNEL_ID + "/threads";

  private DiscordFixture discord;

  @BeforeEach
  void start() throws Exception {
    discord = DiscordFixture.start();
  }

  @AfterEach
  void stop() {
    discord.close();
  }

  private static Message day() {
    List<PaperCard> cards = TestPapers.hardestDay().subList(0, 12);
    return TestPapers.dailyPost(TestPapers.DAY, cards);
  }

  private List<RecordedCall> created() {
    return discord.fake.calls("POST", FORUM_THREADS).stream().filter(c -> c.status() == 201).toList();
  }

  private List<RecordedCall> accepted(String channelId) {
    return discord.fake.calls("POST", "/channels/" + channelId + "/messages").stream()
        .filter(c -> c.status() == 200).toList();
  }

  @Test
  @DisplayName("killed after the post was created and the first part inside it failed: the retry continues that post, once each part")
  void interruptedInsideThePost() throws Exception {
    PostOptions options = new PostOptions(PostStyle.FORUM, "digest:2024-06-07:forum");
    // GIVEN an attempt that created the post and then died before the rest of the day went in
    discord.fake.failNext("POST", "/channels/\\d+/messages", 400, 50035, "Invalid Form Body");
    assertThatThrownBy(() -> discord.bot.gateway().post(FORUM, day(), options)).isInstanceOf(PostException.class);
    assertThat(created()).hasSize(1);

    // WHEN the outbox retries the row, not knowing how far the attempt got
    PostReceipt receipt = discord.bot.gateway().post(FORUM, day(), options.retrying());

    // THEN the day is in the one post, each part once
    assertThat(created()).as("no second forum post").hasSize(1);
    String thread = receipt.messageIds().get(0);
    assertThat(accepted(thread)).hasSize(receipt.messageIds().size() - 1).isNotEmpty();
    assertThat(discord.fake.calls("GET", "/guilds/" + FakeDiscord.GUILD_ID + "/threads/active")).hasSize(1);
  }

  @Test
  @DisplayName("killed after everything was posted but before the row was marked sent: the retry posts nothing new and returns the same ids")
  void interruptedBeforeMarkingSent() throws Exception {
    PostOptions options = new PostOptions(PostStyle.FORUM, "digest:2024-06-07:forum");
    PostReceipt first = discord.bot.gateway().post(FORUM, day(), options);

    PostReceipt again = discord.bot.gateway().post(FORUM, day(), options.retrying());

    assertThat(created()).hasSize(1);
    assertThat(again.messageIds()).as("the parts inside come back from their nonces, not as new messages")
        .isEqualTo(first.messageIds());
  }

  @Test
  @DisplayName("the marker is the starter message's last line, Discord's small subtext; another row's retry does not take this post")
  void markerIsPerRow() throws Exception {
    discord.bot.gateway().post(FORUM, day(), new PostOptions(PostStyle.FORUM, "digest:2024-06-07:forum"));
    String content = created().get(0).body().path("message").path("content").asText();
    assertThat(content).endsWith("-# paperboy " + ForumMarker.of("digest:2024-06-07:forum"));

    discord.bot.gateway().post(FORUM, day(), new PostOptions(PostStyle.FORUM, "digest:2024-06-07:other", true));
    assertThat(created()).as("a post with the same name but another row's marker is not this row's").hasSize(2);
  }

  @Test
  @DisplayName("a subscription's digest style to a forum channel opens a forum post (the outbox never asks for the forum style)")
  void digestStyleToAForumOpensAPost() throws Exception {
    PostReceipt receipt = discord.bot.gateway().post(FORUM, day(), new PostOptions(PostStyle.DIGEST, "digest:2024-06-07:f"));

    assertThat(created()).hasSize(1);
    assertThat(receipt.messageIds()).isNotEmpty();
    assertThat(discord.fake.calls("POST", "/channels/" + FakeDiscord.FORUM_CHANNEL_ID + "/messages")).isEmpty();
  }
}
