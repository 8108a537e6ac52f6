package io.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperboy.core.gateway.PostException;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostReceipt;
import io.paperboy.core.gateway.PostStyle;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.RecordedCall;
import io.paperboy.core.message.Block.PaperCard;
import io.paperboy.core.message.Mention;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("DiscordGateway posting through JDA")
class DiscordGatewayTest {

  @RegisterExtension
  static final LogGuard logs = new LogGuard();

  private static final ChannelRef TEXT = ChannelRef.of(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.TEXT_CHANNEL_ID);
  private static final ChannelRef FORUM = ChannelRef.of(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.FORUM_CHANNEL_ID);
  private static final String TEXT_MESSAGES = "/channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/messages";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static DiscordFixture discord;

  @BeforeAll
  static void start() throws Exception {
    discord = DiscordFixture.start();
  }

  @AfterAll
  static void stop() {
    discord.close();
  }

  private static List<RecordedCall> postsSince(int before, String pathRegex) {
    List<RecordedCall> all = discord.fake.calls();
    return all.subList(before, all.size()).stream().filter(c -> c.is("POST", pathRegex)).toList();
  }

  @Test
  @DisplayName("an alert to one user opens their DM channel and pings exactly the user the alert names")
  void directMessage() throws Exception {
    int before = discord.fake.calls().size();
    ChannelRef dm = ChannelRef.directMessage(Platform.DISCORD, FakeDiscord.GUILD_ID, "4242");
    Message alert = TestPapers.dailyPost(TestPapers.DAY, TestPapers.hardestDay().subList(0, 2))
        .withMention(new io.paperboy.core.message.Mention(io.paperboy.core.message.Mention.Kind.USER, "4242"));

    PostReceipt receipt = discord.bot.gateway().post(dm, alert, PostOptions.digest("alert:2024-06-07:ab"));

    List<RecordedCall> opened = postsSince(before, "/users/@me/channels");
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).body().path("recipient_id").asText()).isEqualTo("4242");
    String dmChannel = discord.fake.dmChannels.get("4242");
    List<RecordedCall> posts = postsSince(before, "/channels/" + dmChannel + "/messages");
    assertThat(posts).hasSize(receipt.messageIds().size()).isNotEmpty();
    JsonNode mentions = posts.get(0).body().path("allowed_mentions");
    assertThat(mentions.path("parse")).isEmpty();
    assertThat(mentions.path("users")).extracting(JsonNode::asText).containsExactly("4242");
    assertThat(posts.get(0).body().path("content").asText()).contains("<@4242>");
  }

  @Test
  @DisplayName("posts the largest real-shaped day within every limit, every paper present, once")
  void hardestDay() throws Exception {
    // GIVEN 70 papers with long summaries and a 1,000-author list
    List<PaperCard> cards = TestPapers.hardestDay();
    int before = discord.fake.calls().size();

    // WHEN the day is posted
    Message day = TestPapers.dailyPost(TestPapers.DAY, cards);
    PostReceipt receipt = discord.bot.gateway().post(TEXT, day, PostOptions.digest("digest:2024-06-07:1"));

    // THEN each request is valid, carries a nonce with enforce_nonce, and all papers arrived in order
    List<RecordedCall> posts = postsSince(before, TEXT_MESSAGES);
    assertThat(posts).hasSize(receipt.messageIds().size()).allMatch(c -> c.status() == 200);
    // AND the gateway counted its messages beforehand exactly (the flood bound relies on it)
    assertThat(discord.bot.gateway().messages(day, PostStyle.DIGEST)).isEqualTo(posts.size());
    List<String> arxivIds = new ArrayList<>();
    List<String> nonces = new ArrayList<>();
    for (RecordedCall post : posts) {
      assertThat(DiscordPayloadValidator.validate(post.body())).as(post.toString()).isEmpty();
      assertThat(post.body().path("enforce_nonce").asBoolean()).isTrue();
      nonces.add(post.body().path("nonce").asText());
      assertThat(post.body().at("/allowed_mentions/parse")).isEmpty();
      post.body().path("embeds").forEach(e -> {
        if (e.has("footer")) {
          arxivIds.add(e.at("/footer/text").asText().substring("arXiv:".length()));
        }
      });
    }
    assertThat(arxivIds).containsExactlyElementsOf(cards.stream().map(PaperCard::arxivId).toList());
    // and the preview shows exactly these bodies, only without the per-request nonce
    JsonNode preview = JSON.readTree(DiscordPreview.previewJson(day));
    assertThat(preview).hasSize(posts.size());
    for (int i = 0; i < posts.size(); i++) {
      ObjectNode sent = posts.get(i).body().deepCopy();
      sent.remove(List.of("nonce", "enforce_nonce"));
      assertThat(sent).as("message %d", i + 1).isEqualTo(preview.get(i));
    }
    assertThat(nonces).doesNotHaveDuplicates().allMatch(n -> n.length() <= 25)
        .containsExactly(nonces(posts.size(), "digest:2024-06-07:1"));
  }

  private static String[] nonces(int n, String key) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = DiscordGateway.Nonces.of(key, i);
    }
    return out;
  }

  @Test
  @DisplayName("@everyone inside a summary pings nobody")
  void everyoneIsInert() throws Exception {
    PaperCard card = TestPapers.card(1, "Mentions", "- @everyone @here <@" + FakeDiscord.MEMBER_ID + "> read this",
        List.of("A"), Optional.of(1));
    int before = discord.fake.calls().size();
    discord.bot.gateway().post(TEXT, Message.of(card), PostOptions.digest("digest:mentions"));
    JsonNode body = postsSince(before, TEXT_MESSAGES).get(0).body();
    assertThat(body.at("/embeds/0/description").asText()).contains("@everyone @here");
    JsonNode allowed = body.path("allowed_mentions");
    assertThat(allowed.path("parse")).isEmpty();
    assertThat(allowed.has("users")).isFalse();
    assertThat(allowed.has("roles")).isFalse();
  }

  @Test
  @DisplayName("an alert's one mention is allowed explicitly, nothing else")
  void alertMention() throws Exception {
    Message alert = Message.builder().text("New paper matching **diffusion**").build()
        .withMention(new Mention(Mention.Kind.USER, FakeDiscord.MANAGER_ID));
    int before = discord.fake.calls().size();
    discord.bot.gateway().post(TEXT, alert, PostOptions.digest("alert:1"));
    JsonNode body = postsSince(before, TEXT_MESSAGES).get(0).body();
    assertThat(body.path("content").asText()).startsWith("<@" + FakeDiscord.MANAGER_ID + ">");
    assertThat(body.at("/allowed_mentions/users")).extracting(JsonNode::asText).containsExactly(FakeDiscord.MANAGER_ID);
    assertThat(body.at("/allowed_mentions/parse")).isEmpty();
  }

  @Test
  @DisplayName("a per-route 429 is waited out and the post then succeeds, exactly once")
  void rateLimit() throws Exception {
    discord.fake.rateLimitNext("POST", TEXT_MESSAGES, 0.3);
    int before = discord.fake.calls().size();
    PostReceipt receipt = discord.bot.gateway().post(TEXT, Message.of(TestPapers.typical(1)), PostOptions.digest("digest:429"));
    List<RecordedCall> posts = postsSince(before, TEXT_MESSAGES);
    assertThat(posts).extracting(RecordedCall::status).containsExactly(429, 200);
    assertThat(posts.get(1).body().path("nonce").asText()).isEqualTo(posts.get(0).body().path("nonce").asText());
    assertThat(receipt.messageIds()).hasSize(1);
  }

  @Test
  @DisplayName("THREADS: a header message, then each paper as a message with its own thread")
  void threads() throws Exception {
    List<PaperCard> cards = List.of(TestPapers.typical(1), TestPapers.typical(2), TestPapers.typical(3));
    int before = discord.fake.calls().size();
    PostReceipt receipt = discord.bot.gateway().post(TEXT, TestPapers.dailyPost(TestPapers.DAY, cards),
        new PostOptions(PostStyle.THREADS, "threads:2024-06-07"));
    List<RecordedCall> messages = postsSince(before, TEXT_MESSAGES);
    List<RecordedCall> threads = postsSince(before, TEXT_MESSAGES + "/\\d+/threads");
    assertThat(messages).hasSize(4);
    assertThat(discord.bot.gateway().messages(TestPapers.dailyPost(TestPapers.DAY, cards), PostStyle.THREADS)).isEqualTo(4);
    assertThat(messages.get(0).body().path("content").asText())
        .isEqualTo("## Daily Papers (2024-06-07)\n-# 3 papers · Source: Daily Papers digest");
    assertThat(messages.get(0).body().path("embeds")).isEmpty();
    assertThat(threads).extracting(t -> t.body().path("name").asText()).containsExactly(
        "#1 ShareGPT4Video: Improving Video Understanding and Generation with Better Captions",
        "#2 ShareGPT4Video: Improving Video Understanding and Generation with Better Captions",
        "#3 ShareGPT4Video: Improving Video Understanding and Generation with Better Captions");
    // each thread hangs off its paper's message
    for (int i = 0; i < 3; i++) {
      assertThat(threads.get(i).path()).isEqualTo(TEXT_MESSAGES + "/" + receipt.messageIds().get(i + 1) + "/threads");
    }
    assertThat(receipt.messageIds()).hasSize(4);
  }

  @Test
  @DisplayName("FORUM: one forum post named after the day, the rest of the day inside it")
  void forum() throws Exception {
    List<PaperCard> cards = TestPapers.hardestDay().subList(0, 12);
    int before = discord.fake.calls().size();
    PostReceipt receipt = discord.bot.gateway().post(FORUM, TestPapers.dailyPost(TestPapers.DAY, cards),
        new PostOptions(PostStyle.FORUM, "forum:2024-06-07"));
    List<RecordedCall> created = postsSince(before, "/channels/" + FakeDiscord.FORUM_CHANNEL_ID + "/threads");
    assertThat(created).singleElement().satisfies(c -> {
      assertThat(c.body().path("name").asText()).isEqualTo("Daily Papers (2024-06-07)");
      assertThat(DiscordPayloadValidator.validate(c.body().path("message"))).isEmpty();
    });
    String threadId = receipt.messageIds().get(0);
    List<RecordedCall> inside = postsSince(before, "/channels/" + threadId + "/messages");
    assertThat(inside).hasSize(receipt.messageIds().size() - 1).isNotEmpty();
    inside.forEach(c -> assertThat(DiscordPayloadValidator.validate(c.body())).isEmpty());
  }

  @Test
  @DisplayName("unknown channel (10003) means the channel is gone")
  void unknownChannel() {
    discord.fake.failNext("POST", TEXT_MESSAGES, 404, 10003, "Unknown Channel");
    assertThatThrownBy(() -> discord.bot.gateway().post(TEXT, Message.of(TestPapers.typical(1)), PostOptions.digest("x")))
        .isInstanceOfSatisfying(PostException.class, e -> {
          assertThat(e.kind()).isEqualTo(PostException.Kind.CHANNEL_GONE);
          assertThat(e.platformCode()).isEqualTo("10003");
          assertThat(e.getMessage()).contains(TEXT.key());
        });
  }

  @Test
  @DisplayName("missing access (50001) and missing permissions (50013) mean forbidden")
  void forbidden() {
    for (int code : new int[] {50001, 50013}) {
      discord.fake.failNext("POST", TEXT_MESSAGES, 403, code, "Missing");
      assertThatThrownBy(() -> discord.bot.gateway().post(TEXT, Message.of(TestPapers.typical(1)), PostOptions.digest("x")))
          .isInstanceOfSatisfying(PostException.class, e -> {
            assertThat(e.kind()).isEqualTo(PostException.Kind.FORBIDDEN);
            assertThat(e.platformCode()).isEqualTo(String.valueOf(code));
          });
    }
  }

  @Test
  @DisplayName("a server error is transient")
  void serverError() {
    discord.fake.failNext("POST", TEXT_MESSAGES, 500, 0, "500: Internal Server Error");
    assertThatThrownBy(() -> discord.bot.gateway().post(TEXT, Message.of(TestPapers.typical(1)), PostOptions.digest("x")))
        .isInstanceOfSatisfying(PostException.class, e -> assertThat(e.kind()).isEqualTo(PostException.Kind.TRANSIENT));
  }

  @Test
  @DisplayName("a channel the bot cannot see, or one of another guild, is gone without a request")
  void notVisible() {
    int before = discord.fake.calls().size();
    ChannelRef missing = ChannelRef.of(Platform.DISCORD, FakeDiscord.GUILD_ID, "1399999999999999999");
    ChannelRef crossGuild = ChannelRef.of(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.OTHER_CHANNEL_ID);
    for (ChannelRef ref : List.of(missing, crossGuild)) {
      assertThatThrownBy(() -> discord.bot.gateway().post(ref, Message.of(TestPapers.typical(1)), PostOptions.digest("x")))
          .isInstanceOfSatisfying(PostException.class, e -> assertThat(e.kind()).isEqualTo(PostException.Kind.CHANNEL_GONE));
    }
    assertThat(discord.fake.calls()).hasSize(before);
  }

  @Test
  @DisplayName("the forum style on a text channel is a permanent configuration error")
  void forumOnTextChannel() {
    assertThatThrownBy(() -> discord.bot.gateway().post(TEXT, Message.of(TestPapers.typical(1)),
        new PostOptions(PostStyle.FORUM, "x")))
        .isInstanceOfSatisfying(PostException.class, e -> {
          assertThat(e.kind()).isEqualTo(PostException.Kind.PERMANENT);
          assertThat(e.getMessage()).contains("forum");
        });
  }
}
