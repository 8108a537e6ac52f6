package io.paperboy.bot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.core.format.DailyPostFormatter;
import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostReceipt;
import io.paperboy.core.gateway.PostStyle;
import io.paperboy.core.message.Block;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.OutboxKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Flood bound: a daily post shows at most max-papers cards in at most max-messages messages")
class FloodBoundTest {

  @TempDir
  Path dir;
  DeliveryFixture f;

  /** Posts nothing anywhere; keeps what it was given. Counts one message per card plus one, as threads do. */
  static final class Recording implements ChannelGateway {
    final List<Message> posted = new CopyOnWriteArrayList<>();

    @Override
    public Platform platform() {
      return Platform.SLACK;
    }

    @Override
    public PostReceipt post(ChannelRef channel, Message message, PostOptions options) {
      posted.add(message);
      return new PostReceipt(List.of("m" + posted.size()));
    }

    @Override
    public int messages(Message message, PostStyle style) {
      return 1 + message.paperCards().size();
    }
  }

  @BeforeEach
  void open() {
    f = new DeliveryFixture(dir.resolve("p.db"));
    f.papers.save(DeliveryFixture.digest(DeliveryFixture.DAY, 150));
  }

  @AfterEach
  void close() {
    f.close();
  }

  private static String lastText(Message m) {
    return m.blocks().stream().filter(b -> b instanceof Block.Text).map(b -> ((Block.Text) b).markdown())
        .reduce((a, b) -> b).orElse("");
  }

  @Test
  @DisplayName("150 papers and top:0 show the default 100 cards, then '…and 50 more: /digest DATE'")
  void defaultPaperBound() {
    DailyPosts posts = new DailyPosts(f.papers, new DailyPostFormatter());
    Message m = ((PostComposer.Post) posts.digest(DeliveryFixture.DAY, 0, Optional.empty())).message();
    assertThat(m.paperCards()).hasSize(100);
    assertThat(m.paperCards().get(99).rank()).contains(100);
    assertThat(lastText(m)).isEqualTo("…and 50 more: `/digest 2024-06-07`");
    // a subscription's own top below the bound: no line, nothing left out
    Message top10 = ((PostComposer.Post) posts.digest(DeliveryFixture.DAY, 10, Optional.empty())).message();
    assertThat(top10.paperCards()).hasSize(10);
    assertThat(lastText(top10)).doesNotContain("more:");
    // a configured bound
    Message five = ((PostComposer.Post) new DailyPosts(f.papers, new DailyPostFormatter(), 5)
        .digest(DeliveryFixture.DAY, 0, Optional.empty())).message();
    assertThat(five.paperCards()).hasSize(5);
    assertThat(lastText(five)).isEqualTo("…and 145 more: `/digest 2024-06-07`");
  }

  @Test
  @DisplayName("a post that would take more messages than max-messages is cut to the most cards that fit, every attempt alike")
  void messageBound() throws Exception {
    ChannelRef channel = f.subscribe(ChannelRef.of(Platform.SLACK, "T1", "C1"));
    Recording gateway = new Recording();
    Clock clock = DeliveryFixture.clockAt(DeliveryFixture.SLOT.plusSeconds(60));
    DeliveryWorker worker = new DeliveryWorker(f.outbox,
        Map.of(Kind.DIGEST, f.dailyPosts, Kind.NO_DIGEST, f.dailyPosts), Map.of(Platform.SLACK, gateway),
        DeliveryWorkerTest.QUICK, DeliveryFixture.WINDOW, Duration.ofMillis(200), 1, clock, 12);
    f.planner(clock, worker::wake).planOnce();
    worker.start();
    try {
      f.awaitQuiet(DeliveryWorkerTest.GUARD);
    } finally {
      worker.stop(Duration.ofSeconds(10));
    }

    Delivery row = f.reports.find(new OutboxKey(channel, Kind.DIGEST, DeliveryFixture.DAY.toString())).orElseThrow();
    assertThat(row.status()).isEqualTo(Status.SENT);
    assertThat(gateway.posted).singleElement().satisfies(m -> {
      assertThat(gateway.messages(m, PostStyle.THREADS)).isEqualTo(12);
      assertThat(m.paperCards()).hasSize(11);
      assertThat(lastText(m)).isEqualTo("…and 139 more: `/digest 2024-06-07`");
    });
  }
}
