package io.paperboy.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.bot.cli.Cli.Result;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.PlannedDelivery;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's demo: {@code ./paperboy --db demo.db --now 2024-06-07T08:59:30+09:00}. */
@DisplayName("the --now demo announces the post the planner will really make, on a new or a used database")
class NowDemoTest {

  private static final String PIN = "2024-06-07T08:59:30+09:00";

  @TempDir
  Path dir;

  @Test
  @DisplayName("a new database: the 2024-06-07 post in about 30 s, no hint")
  void newDatabase() {
    Result r = Cli.runWithInput("/quit\n", Map.of(), "--db", dir.resolve("demo.db").toString(), "--now", PIN);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("next Fri 7 Jun 2024, 09:00 KST \\(in \\d+s\\)\\.").doesNotContain("used before");
  }

  @Test
  @DisplayName("a database whose console an earlier (unpinned) run subscribed: no promise of a 2024 post, and why")
  void subscribedLater() {
    String db = dir.resolve("used.db").toString();
    assertThat(Cli.runWithInput("/quit\n", Map.of(), "--db", db).code()).isZero();
    Result r = Cli.runWithInput("/quit\n", Map.of(), "--db", db, "--now", PIN);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("next Fri 7 Jun 2024").contains("(This database was used before: its console "
        + "subscription dates from ").contains("For the --now demo use a new database: another --db.)");
  }

  @Test
  @DisplayName("a database where the demo already posted 2024-06-07: the next post is the next weekday, and why")
  void alreadyPosted() {
    String db = dir.resolve("posted.db").toString();
    assertThat(Cli.runWithInput("/quit\n", Map.of(), "--db", db, "--now", PIN).code()).isZero();
    try (SqliteStores stores = SqliteStores.open(Path.of(db))) {
      Subscription console = stores.subscriptions().find(ChannelRef.console()).orElseThrow();
      stores.outbox().enqueue(List.of(PlannedDelivery.of(console, Delivery.Kind.DIGEST, "2024-06-07",
          Instant.parse("2024-06-07T00:00:00Z"), Optional.empty())), Instant.parse("2024-06-07T00:00:01Z"));
    }
    Result r = Cli.runWithInput("/quit\n", Map.of(), "--db", db, "--now", PIN);
    assertThat(r.out()).contains("next Mon 10 Jun 2024, 09:00 KST (in 3d").contains("This database was used before");
  }
}
