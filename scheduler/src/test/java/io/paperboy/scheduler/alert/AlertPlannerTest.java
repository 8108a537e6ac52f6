package io.paperboy.scheduler.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.IngestResult;
import io.paperboy.store.PaperStore;
import io.paperboy.store.Platform;
import io.paperboy.store.alert.AlertBatch;
import io.paperboy.store.alert.AlertStore;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertPlannerTest {

  private static final LocalDate DAY = LocalDate.of(2024, 6, 7);
  private static final Instant NOW = Instant.parse("2024-06-07T01:00:00Z");
  private static final ChannelRef C1 = ChannelRef.of(Platform.SLACK, "T1", "C1");
  private static final ChannelRef DM = ChannelRef.directMessage(Platform.SLACK, "T1", "U7");

  @TempDir
  Path dir;

  private SqliteStores stores;
  private PaperStore papers;
  private AlertStore alerts;
  private AlertPlanner planner;

  @BeforeEach
  void setUp() {
    stores = SqliteStores.open(dir.resolve("p.db"));
    papers = stores.papers();
    alerts = stores.alerts();
    planner = new AlertPlanner(stores.transactions(), papers, alerts, stores.outbox(), Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Asia/Seoul"),
        Duration.ofDays(3));
    alerts.add(Platform.SLACK, "T1", C1, "M1", "확산", Optional.of("role:S1"), NOW);
    alerts.add(Platform.SLACK, "T1", C1, "M1", "title:video", Optional.of("role:S1"), NOW);
    alerts.add(Platform.SLACK, "T1", DM, "U7", "agent OR 에이전트", Optional.empty(), NOW);
  }

  @AfterEach
  void tearDown() {
    stores.close();
  }

  private static DigestEntry entry(LocalDate d, int rank, String id, String title, String summary) {
    return new DigestEntry(d, rank, id, title, "https://arxiv.org/abs/" + id, Optional.of(1), List.of("A"),
        Optional.empty(), summary);
  }

  private Digest day(LocalDate d) {
    return new Digest(d, List.of(
        entry(d, 1, "2406.00001", "Video Diffusion", "- 확산모델 기반"),
        entry(d, 2, "2406.00002", "Agents at Work", "- 에이전트 평가"),
        entry(d, 3, "2406.00003", "Nothing Relevant", "- 조용한 논문")), "d.md");
  }

  private List<Delivery> alertRows() {
    return stores.reports().all().stream().filter(d -> d.kind() == Delivery.Kind.ALERT).toList();
  }

  @Test
  @DisplayName("one ingest: one batch per target, with every matching paper and why")
  void batchesPerTarget() {
    IngestResult r = papers.save(day(DAY));
    assertThat(planner.plan(List.of(r))).isEqualTo(2);
    List<Delivery> rows = alertRows();
    assertThat(rows).extracting(d -> d.channel().key()).containsExactlyInAnyOrder("slack:T1:C1", "slack:T1:@U7");
    Delivery channelRow = rows.stream().filter(d -> d.channel().equals(C1)).findFirst().orElseThrow();
    AlertBatch batch = alerts.batch(C1, channelRow.key()).orElseThrow();
    assertThat(batch.mention()).hasValue("role:S1");
    assertThat(batch.papers()).hasSize(1);
    assertThat(batch.papers().get(0).arxivId()).isEqualTo("2406.00001");
    assertThat(batch.papers().get(0).hits()).containsExactly("확산 in summary", "video in title");
    Delivery dmRow = rows.stream().filter(d -> d.channel().equals(DM)).findFirst().orElseThrow();
    assertThat(alerts.batch(DM, dmRow.key()).orElseThrow().papers()).extracting(AlertBatch.Item::arxivId)
        .containsExactly("2406.00002");
  }

  @Test
  @DisplayName("re-ingesting the day, or planning the same ingest twice, never re-alerts")
  void neverTwice() {
    IngestResult first = papers.save(day(DAY));
    planner.plan(List.of(first));
    assertThat(planner.plan(List.of(first))).isZero();
    IngestResult again = papers.save(day(DAY));
    assertThat(again.newPapers()).isEmpty();
    assertThat(planner.plan(List.of(again))).isZero();
    assertThat(alertRows()).hasSize(2);
  }

  @Test
  @DisplayName("a backfill of old days is history, not news: no alerts")
  void backfill() {
    IngestResult old = papers.save(day(DAY.minusDays(30)));
    assertThat(planner.plan(List.of(old))).isZero();
    assertThat(alertRows()).isEmpty();
  }
}
