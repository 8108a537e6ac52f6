package io.paperboy.testkit.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperboy.core.net.NoDelaySocketFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The fake gateway shards, limits identifies and resumes as Discord does (frame by frame)")
class FakeGatewayShardsTest {

  private static final OkHttpClient HTTP = new OkHttpClient.Builder().socketFactory(new NoDelaySocketFactory()).build();
  private static final String ON_SHARD_0 = FakeDiscord.guildIdOnShard(0, 2, 1);
  private static final String ON_SHARD_1 = FakeDiscord.guildIdOnShard(1, 2, 2);

  private static FakeDiscordBuilder twoShardWorld() {
    return FakeDiscord.builder(0).recommendedShards(2)
        .guild(FakeGuild.withTextChannels(ON_SHARD_0, "zero", List.of("1310000000000000001"), 0))
        .guild(FakeGuild.withTextChannels(ON_SHARD_1, "one", List.of("1310000000000000002"), 0));
  }

  private static List<String> guildCreates(GatewayClient client, int count) throws InterruptedException {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(client.next(0, "GUILD_CREATE").at("/d/id").asText());
    }
    return ids;
  }

  @Test
  @DisplayName("guildIdOnShard gives snowflakes on the asked shard")
  void snowflakes() {
    for (int count = 1; count <= 5; count++) {
      for (int shard = 0; shard < count; shard++) {
        String id = FakeDiscord.guildIdOnShard(shard, count, shard + 7);
        assertThat((Long.parseLong(id) >> 22) % count).isEqualTo(shard);
      }
    }
  }

  @Test
  @DisplayName("GET /gateway/bot answers the gateway URL, the recommended shards and the session start limit")
  void gatewayBot() throws Exception {
    try (FakeDiscord fake = twoShardWorld().maxConcurrency(2).sessionStartLimit(1000).start();
         GatewayClient client = new GatewayClient(fake.gatewayUrl())) {
      JsonNode before = gatewayBot(fake);
      assertThat(before.path("url").asText()).isEqualTo(fake.gatewayUrl());
      assertThat(before.path("shards").asInt()).isEqualTo(2);
      assertThat(before.at("/session_start_limit/total").asInt()).isEqualTo(1000);
      assertThat(before.at("/session_start_limit/remaining").asInt()).isEqualTo(1000);
      assertThat(before.at("/session_start_limit/max_concurrency").asInt()).isEqualTo(2);
      assertThat(before.at("/session_start_limit/reset_after").asLong()).isBetween(1L, Duration.ofDays(1).toMillis());

      client.identify(0, 2);
      client.next(0, "READY");
      assertThat(gatewayBot(fake).at("/session_start_limit/remaining").asInt()).isEqualTo(999);
    }
  }

  private static JsonNode gatewayBot(FakeDiscord fake) throws Exception {
    try (Response r = HTTP.newCall(new Request.Builder().url(fake.apiUrl() + "gateway/bot")
        .header("Authorization", "Bot raw-token").build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
      return GatewayClient.JSON.readTree(r.body().string());
    }
  }

  @Test
  @DisplayName("each shard's READY and GUILD_CREATEs hold only the guilds (guild_id >> 22) % 2 puts on it")
  void routing() throws Exception {
    try (FakeDiscord fake = twoShardWorld().maxConcurrency(2).limits(DiscordLimits.discord()).start();
         GatewayClient zero = new GatewayClient(fake.gatewayUrl());
         GatewayClient one = new GatewayClient(fake.gatewayUrl())) {
      zero.identify(0, 2);
      one.identify(1, 2);
      JsonNode ready0 = zero.next(0, "READY");
      JsonNode ready1 = one.next(0, "READY");
      List<String> expected0 = fake.guildIdsOnShard(0, 2);
      List<String> expected1 = fake.guildIdsOnShard(1, 2);

      assertThat(expected0).contains(ON_SHARD_0).doesNotContain(ON_SHARD_1);
      assertThat(expected1).contains(ON_SHARD_1, FakeDiscord.GUILD_ID, FakeDiscord.OTHER_GUILD_ID);
      assertThat(ready0.at("/d/shard")).extracting(JsonNode::asInt).containsExactly(0, 2);
      assertThat(ready0.at("/d/guilds")).extracting(g -> g.path("id").asText()).containsExactlyInAnyOrderElementsOf(expected0);
      assertThat(ready1.at("/d/guilds")).extracting(g -> g.path("id").asText()).containsExactlyInAnyOrderElementsOf(expected1);
      assertThat(guildCreates(zero, expected0.size())).containsExactlyInAnyOrderElementsOf(expected0);
      assertThat(guildCreates(one, expected1.size())).containsExactlyInAnyOrderElementsOf(expected1);

      // an interaction in a guild of shard 1 goes to shard 1 only
      String id = fake.send(FakeInteraction.slash("paper").in(ON_SHARD_1, "1310000000000000002").by(FakeDiscord.OWNER_ID));
      assertThat(one.next(0, "INTERACTION_CREATE").at("/d/id").asText()).isEqualTo(id);
      assertThat(zero.poll(200)).as("nothing for shard 0").isNull();
      assertThat(fake.shards()).extracting(ShardState::shardId, ShardState::identifies, ShardState::refused)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1, 0), org.assertj.core.groups.Tuple.tuple(1, 1, 0));
    }
  }

  @Test
  @DisplayName("a second IDENTIFY for the same rate-limit key within 5 s gets op 9 INVALID_SESSION (d: false)")
  void identifyLimit() throws Exception {
    try (FakeDiscord fake = twoShardWorld().maxConcurrency(1).limits(DiscordLimits.discord()).start();
         GatewayClient zero = new GatewayClient(fake.gatewayUrl());
         GatewayClient one = new GatewayClient(fake.gatewayUrl())) {
      zero.identify(0, 2);
      zero.next(0, "READY");
      one.identify(1, 2);
      JsonNode refused = one.next(9, null);

      assertThat(refused.path("d").asBoolean(true)).isFalse();
      assertThat(fake.awaitShard(1, s -> s.refused() == 1, Duration.ofSeconds(5)).identifies()).isZero();
      assertThat(fake.gatewayBot().at("/session_start_limit/remaining").asInt()).as("a refused identify starts no session")
          .isEqualTo(999);
    }
  }

  @Test
  @DisplayName("with max_concurrency 2, shards 0 and 1 (keys 0 and 1) may identify at once")
  void concurrentIdentify() throws Exception {
    try (FakeDiscord fake = twoShardWorld().maxConcurrency(2).limits(DiscordLimits.discord()).start();
         GatewayClient zero = new GatewayClient(fake.gatewayUrl());
         GatewayClient one = new GatewayClient(fake.gatewayUrl())) {
      zero.identify(0, 2);
      one.identify(1, 2);
      zero.next(0, "READY");
      one.next(0, "READY");
      assertThat(fake.shards()).extracting(ShardState::refused).containsExactly(0, 0);
    }
  }

  @Test
  @DisplayName("once the day's session starts are used up, an IDENTIFY is closed with 4004 (Discord resets the token)")
  void sessionStartLimit() throws Exception {
    try (FakeDiscord fake = twoShardWorld().maxConcurrency(2).sessionStartLimit(1).limits(DiscordLimits.discord()).start();
         GatewayClient zero = new GatewayClient(fake.gatewayUrl());
         GatewayClient one = new GatewayClient(fake.gatewayUrl())) {
      zero.identify(0, 2);
      zero.next(0, "READY");
      assertThat(fake.gatewayBot().at("/session_start_limit/remaining").asInt()).isZero();
      one.identify(1, 2);
      assertThat(one.closed.get(10, TimeUnit.SECONDS)).isEqualTo(4004);
    }
  }

  @Test
  @DisplayName("an IDENTIFY for shard 2 of 2 is closed with 4010 Invalid shard")
  void invalidShard() throws Exception {
    try (FakeDiscord fake = twoShardWorld().start(); GatewayClient client = new GatewayClient(fake.gatewayUrl())) {
      client.identify(2, 2);
      assertThat(client.closed.get(10, TimeUnit.SECONDS)).isEqualTo(4010);
    }
  }

  @Test
  @DisplayName("after a dropped socket, RESUME replays what the client missed, then RESUMED; no new session")
  void resumeReplays() throws Exception {
    try (FakeDiscord fake = twoShardWorld().start()) {
      GatewayClient first = new GatewayClient(fake.gatewayUrl());
      first.identify(null, null);
      JsonNode ready = first.next(0, "READY");
      String session = ready.at("/d/session_id").asText();
      assertThat(ready.at("/d/shard").isMissingNode()).as("unsharded READY has no shard field").isTrue();
      assertThat(ready.at("/d/resume_gateway_url").asText()).isEqualTo(fake.gatewayUrl());
      int seq = 0;
      for (int i = 0; i < fake.guildIdsOnShard(0, 1).size(); i++) {
        seq = first.next(0, "GUILD_CREATE").path("s").asInt();
      }
      first.drop();
      fake.awaitShard(0, s -> !s.connected(), Duration.ofSeconds(10));
      String missed = fake.send(FakeInteraction.slash("paper"));

      try (GatewayClient second = new GatewayClient(fake.gatewayUrl())) {
        second.resume(session, seq);
        JsonNode replayed = second.next(0, null);
        JsonNode resumed = second.next(0, null);
        assertThat(replayed.path("t").asText()).isEqualTo("INTERACTION_CREATE");
        assertThat(replayed.at("/d/id").asText()).isEqualTo(missed);
        assertThat(replayed.path("s").asInt()).isEqualTo(seq + 1);
        assertThat(resumed.path("t").asText()).isEqualTo("RESUMED");
        assertThat(resumed.path("d").isObject()).as("JDA only handles a RESUMED whose d is an object").isTrue();
        ShardState state = fake.awaitShard(0, s -> s.connected() && s.resumes() == 1, Duration.ofSeconds(5));
        assertThat(state.identifies()).isEqualTo(1);
      }
    }
  }

  @Test
  @DisplayName("a RESUME of an unknown session gets op 9 (d: false)")
  void unknownSession() throws Exception {
    try (FakeDiscord fake = twoShardWorld().start(); GatewayClient client = new GatewayClient(fake.gatewayUrl())) {
      client.resume("no-such-session", 3);
      assertThat(client.next(9, null).path("d").asBoolean(true)).isFalse();
    }
  }
}
