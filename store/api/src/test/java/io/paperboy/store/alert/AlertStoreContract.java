package io.paperboy.store.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.StoresContract;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract of {@link AlertStore}: alerts scoped by workspace, batches stored once per (target, key). */
@DisplayName("AlertStore contract: alerts scoped by workspace, batches stored once")
public abstract class AlertStoreContract extends StoresContract {

  private static final Instant NOW = Instant.parse("2024-06-07T00:00:00Z");

  private AlertStore alerts;

  @BeforeEach
  final void openAlerts() {
    alerts = fresh().alerts();
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

  @Test
  @DisplayName("an alert keeps every field; the workspace lists oldest first; counts are per workspace and per user")
  void fieldsOrderAndCounts() {
    ChannelRef c1 = ChannelRef.of(Platform.SLACK, "T1", "C1");
    Alert first = alerts.add(Platform.SLACK, "T1", c1, "U1", "확산 OR diffusion", Optional.of("user:U1"), NOW)
        .orElseThrow();
    Alert second = alerts.add(Platform.SLACK, "T1", c1, "U2", "title:agent", Optional.empty(), NOW.plusSeconds(1))
        .orElseThrow();
    Alert third = alerts.add(Platform.SLACK, "T1", ChannelRef.of(Platform.SLACK, "T1", "C2"), "U1", "확산 OR diffusion",
        Optional.empty(), NOW.plusSeconds(2)).orElseThrow();

    assertThat(first).isEqualTo(new Alert(first.id(), Platform.SLACK, "T1", c1, "U1", "확산 OR diffusion",
        Optional.of("user:U1"), NOW));
    assertThat(first.toDirectMessage()).isFalse();
    assertThat(alerts.inWorkspace(Platform.SLACK, "T1")).containsExactly(first, second, third);
    assertThat(alerts.all()).containsExactly(first, second, third);
    assertThat(alerts.find(Platform.SLACK, "T1", second.id())).contains(second);
    assertThat(alerts.countInWorkspace(Platform.SLACK, "T1")).isEqualTo(3);
    assertThat(alerts.countByUser(Platform.SLACK, "T1", "U1")).isEqualTo(2);
    assertThat(alerts.countByUser(Platform.SLACK, "T2", "U1")).isZero();
    assertThat(alerts.countInWorkspace(Platform.DISCORD, "T1")).isZero();
  }

  @Test
  @DisplayName("a batch keeps its papers in order with their hits; batches of other targets or keys are others")
  void batchesPerTargetAndKey() {
    ChannelRef c9 = ChannelRef.of(Platform.SLACK, "T1", "C9");
    ChannelRef dm = ChannelRef.directMessage(Platform.SLACK, "T1", "U7");
    AlertBatch many = new AlertBatch(c9, "2024-06-07:a1", List.of(
        new AlertBatch.Item("2406.00002", LocalDate.of(2024, 6, 7), List.of("agent in title")),
        new AlertBatch.Item("2406.00001", LocalDate.of(2024, 6, 6), List.of()),
        new AlertBatch.Item("2406.00003", LocalDate.of(2024, 6, 7), List.of("\"quoted\" 확산 in summary", "/re+/ in title"))),
        Optional.empty());
    AlertBatch toDm = new AlertBatch(dm, "2024-06-07:a1", List.of(
        new AlertBatch.Item("2406.00009", LocalDate.of(2024, 6, 7), List.of("x in title"))), Optional.of("user:U7"));

    alerts.saveBatch(many, NOW);
    alerts.saveBatch(toDm, NOW);

    assertThat(alerts.batch(c9, "2024-06-07:a1")).hasValue(many);
    assertThat(alerts.batch(dm, "2024-06-07:a1")).hasValue(toDm);
    assertThat(alerts.batch(ChannelRef.of(Platform.SLACK, "T2", "C9"), "2024-06-07:a1")).isEmpty();
    assertThat(alerts.batch(new ChannelRef(Platform.SLACK, "T1", "C9", Optional.of("th")), "2024-06-07:a1")).isEmpty();
  }
}
