package io.paperboy.bot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.OutboxKey;
import io.paperboy.store.postgresql.PostgresStores;
import io.paperboy.testkit.discord.FakeDiscord;
import io.paperboy.testkit.discord.RecordedCall;
import io.paperboy.testkit.slack.FakeSlack;
import io.paperboy.testkit.slack.PostedMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the fakes hold after a day's fan-out, channel by channel, against the outbox: each row
 * sent, and its channel holding each of the row's parts exactly once (Discord: the product's
 * nonces of the row; Slack: the row's key and part in each message's metadata). Fails on the
 * first channel that does not; the counts are for the report line.
 */
record DeliveredOnce(int duplicates, int missing, Set<Integer> discordParts, Set<Integer> slackParts) {

  static DeliveredOnce check(PostgresStores stores, FakeDiscord discord, FakeSlack slack, List<ChannelRef> channels,
      LocalDate today) throws Exception {
    int duplicates = 0;
    int missing = 0;
    Set<Integer> discordParts = new LinkedHashSet<>();
    Set<Integer> slackParts = new LinkedHashSet<>();
    for (ChannelRef c : channels) {
      Delivery row = stores.reports().find(new OutboxKey(c, Kind.DIGEST, today.toString())).orElseThrow();
      assertThat(row.status()).as(c.key()).isEqualTo(Status.SENT);
      String key = Kind.DIGEST.word() + ":" + today + ":" + row.id();
      int parts = row.messageIds().size();
      List<String> expected = new ArrayList<>();
      List<String> got = new ArrayList<>();
      if (c.platform() == Platform.DISCORD) {
        discordParts.add(parts);
        for (int i = 0; i < parts; i++) {
          expected.add(PostParts.nonce(key, i));
        }
        // the fake stores one message per nonce; a retry of a stored part gets that message back
        List<RecordedCall> calls = discord.calls("POST", "/channels/" + c.channel() + "/messages");
        calls.stream().filter(call -> call.status() == 200).map(call -> call.body().path("nonce").asText())
            .distinct().forEach(got::add);
      } else {
        slackParts.add(parts);
        for (int i = 0; i < parts; i++) {
          expected.add(key + "#" + i);
        }
        for (PostedMessage m : slack.messages(c.channel())) {
          JsonNode payload = m.metadata().orElseThrow().path("event_payload");
          got.add(payload.path("key").asText() + "#" + payload.path("part").asText());
        }
      }
      duplicates += got.size() - (int) got.stream().distinct().count();
      missing += (int) expected.stream().filter(k -> !got.contains(k)).count();
      assertThat(got).as("%s holds each message once", c.key()).containsExactlyElementsOf(expected);
    }
    return new DeliveredOnce(duplicates, missing, discordParts, slackParts);
  }
}
