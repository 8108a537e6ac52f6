package io.paperboy.bot.delivery;

import io.paperboy.core.gateway.PostOptions;
import io.paperboy.core.gateway.PostReceipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.core.command.CommandRegistry;
import io.paperboy.core.command.CommandService;
import io.paperboy.bot.console.ConsoleChannel;
import io.paperboy.bot.console.PipedConsoleIo;
import io.paperboy.bot.console.ConsoleGateway;
import io.paperboy.core.console.ConsoleRenderer;
import io.paperboy.core.message.Message;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Platform;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Delivery parts: retry policy, the subscription's selection of papers, the console gateway")
class DeliveryPartsTest {

  @Test
  @DisplayName("backoff doubles from the base up to the maximum, with jitter between half and all of it")
  void backoff() {
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(60), 8);
    SplittableRandom random = new SplittableRandom(1);
    long[] ceilings = {2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000};
    for (int failures = 1; failures <= ceilings.length; failures++) {
      for (int i = 0; i < 200; i++) {
        long ms = policy.backoff(failures, random).toMillis();
        assertThat(ms).as("failure %d", failures).isBetween(ceilings[failures - 1] / 2, ceilings[failures - 1]);
      }
    }
    // the jitter really varies
    assertThat(java.util.stream.IntStream.range(0, 50).mapToLong(i -> policy.backoff(3, random).toMillis()).distinct().count())
        .isGreaterThan(10);
    assertThat(policy.exhausted(7)).isFalse();
    assertThat(policy.exhausted(8)).isTrue();
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static List<DigestEntry> entries(Integer... votes) {
    LocalDate d = LocalDate.parse("2024-06-07");
    List<DigestEntry> list = new ArrayList<>();
    for (int i = 0; i < votes.length; i++) {
      list.add(new DigestEntry(d, i + 1, "2406.0000" + i, "P" + i, "u", Optional.ofNullable(votes[i]), List.of(),
          Optional.empty(), "s"));
    }
    return list;
  }

  @Test
  @DisplayName("min_votes first (unknown votes do not qualify), then the top N in rank order; 0 means all")
  void selection() {
    List<DigestEntry> day = entries(30, null, 12, 40, 5);

    assertThat(DailyPosts.select(day, 0, Optional.empty())).hasSize(5);
    assertThat(DailyPosts.select(day, 2, Optional.empty())).extracting(DigestEntry::rank).containsExactly(1, 2);
    assertThat(DailyPosts.select(day, 0, Optional.of(12))).extracting(DigestEntry::rank).containsExactly(1, 3, 4);
    assertThat(DailyPosts.select(day, 2, Optional.of(12))).extracting(DigestEntry::rank).containsExactly(1, 3);
    assertThat(DailyPosts.select(day, 10, Optional.of(100))).isEmpty();
  }

  @Test
  @DisplayName("the console gateway prints the post through the console channel and names what it printed")
  void consoleGateway() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConsoleChannel console = new ConsoleChannel(new CommandService(new CommandRegistry(List.of())), new ConsoleRenderer(),
        Clock.systemUTC(), PipedConsoleIo.output(new PrintStream(out, true, StandardCharsets.UTF_8)));
    ConsoleGateway gateway = new ConsoleGateway(console);
    Message post = Message.builder().header("Daily Papers — 2024-06-07").text("hello").build();

    PostReceipt receipt = gateway.post(ChannelRef.console(), post, PostOptions.digest("digest:2024-06-07:1"));

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("══ Daily Papers — 2024-06-07 ══").contains("hello");
    assertThat(receipt.messageIds()).containsExactly("console:digest:2024-06-07:1");
    assertThat(gateway.platform()).isEqualTo(Platform.CONSOLE);
    assertThatThrownBy(() -> gateway.post(ChannelRef.of(Platform.SLACK, "T", "C"), post, PostOptions.digest("k")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
