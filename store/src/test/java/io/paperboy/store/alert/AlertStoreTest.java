package io.paperboy.store.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Database;
import io.paperboy.store.Platform;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertStoreTest {

  private static final Instant NOW = Instant.parse("2024-06-07T00:00:00Z");

  @TempDir
  Path dir;

  private Database db;
  private AlertStore alerts;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("a.db"));
    alerts = new AlertStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  @DisplayName("alerts are scoped by workspace: another guild neither sees nor removes them")
  void scoped() {
    ChannelRef c9 = ChannelRef.of(Platform.DISCORD, "G1", "C9");
    Alert a = alerts.add(Platform.DISCORD, "G1", c9, "U1", "확산", Optional.of("role:42"), NOW).orElseThrow();
    alerts.add(Platform.DISCORD, "G2", ChannelRef.of(Platform.DISCORD, "G2", "C1"), "U1", "LLM", Optional.empty(), NOW);
    assertThat(alerts.inWorkspace(Platform.DISCORD, "G1")).containsExactly(a);
    assertThat(alerts.find(Platform.DISCORD, "G2", a.id())).isEmpty();
    assertThat(alerts.remove(Platform.DISCORD, "G2", a.id())).isFalse();
    assertThat(alerts.remove(Platform.SLACK, "G1", a.id())).isFalse();
    assertThat(alerts.all()).hasSize(2);
    assertThat(alerts.remove(Platform.DISCORD, "G1", a.id())).isTrue();
    assertThat(alerts.inWorkspace(Platform.DISCORD, "G1")).isEmpty();
  }

  @Test
  @DisplayName("direct-message alerts round-trip their target; the same query to the same target is not added twice")
  void directMessagesAndDuplicates() {
    ChannelRef dm = ChannelRef.directMessage(Platform.SLACK, "T1", "U7");
    Alert a = alerts.add(Platform.SLACK, "T1", dm, "U7", "title:agent", Optional.empty(), NOW).orElseThrow();
    assertThat(a.toDirectMessage()).isTrue();
    assertThat(a.target().directMessageUser()).hasValue("U7");
    assertThat(alerts.add(Platform.SLACK, "T1", dm, "U7", "title:agent", Optional.empty(), NOW)).isEmpty();
    assertThat(alerts.countByUser(Platform.SLACK, "T1", "U7")).isEqualTo(1);
    assertThat(alerts.countInWorkspace(Platform.SLACK, "T1")).isEqualTo(1);
  }

  @Test
  @DisplayName("a batch is stored once per key and read back exactly")
  void batches() {
    ChannelRef c9 = ChannelRef.of(Platform.SLACK, "T1", "C9");
    AlertBatch batch = new AlertBatch(c9, "2024-06-07:abc", List.of(
        new AlertBatch.Item("2406.04325", LocalDate.of(2024, 6, 7), List.of("확산 in summary", "video in title"))),
        Optional.of("user:U1"));
    alerts.saveBatch(batch, NOW);
    alerts.saveBatch(new AlertBatch(c9, "2024-06-07:abc", List.of(), Optional.empty()), NOW);
    assertThat(alerts.batch(c9, "2024-06-07:abc")).hasValue(batch);
    assertThat(alerts.batch(c9, "other")).isEmpty();
  }
}
