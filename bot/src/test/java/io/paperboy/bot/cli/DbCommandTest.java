package io.paperboy.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.Stores;
import io.paperboy.store.alert.AlertBatch;
import io.paperboy.store.delivery.Claim;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Lease;
import io.paperboy.store.delivery.PlannedDelivery;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.postgresql.PostgresStores;
import io.paperboy.store.sqlite.SqliteStores;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperboy db migrate} and {@code db copy} against the machine's real PostgreSQL. */
@DisplayName("paperboy db migrate | db copy --from FILE.db --to postgresql://…")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DbCommandTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();

  private static final String NOW = "2024-06-07T08:00:00+09:00";
  private static final Instant T0 = Instant.parse("2024-06-06T23:00:00Z");
  private static final ChannelRef SLACK = ChannelRef.of(Platform.SLACK, "T0123ABCD", "C0123ABCD");

  @TempDir
  Path dir;

  private static Cli.Result run(String... args) {
    return Cli.run(args);
  }

  private static String url(String schema) {
    return pg.paperboyUrl().replaceFirst("currentSchema=[^&]+", "currentSchema=" + schema);
  }

  /** A SQLite file as a bot leaves it: both seed days, two subscriptions, two alerts, sent, skipped and alert deliveries. */
  private Path embeddedDatabase() {
    Path file = dir.resolve("paperboy.db");
    Cli.Result ingest = run("ingest", Cli.SEEDS.toString(), "--db", file.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
    assertThat(run("subscriptions", "add", "slack", "T0123ABCD", "C0123ABCD", "--time", "08:30", "--top", "5",
        "--db", file.toString(), "--now", NOW).code()).isZero();
    assertThat(run("subscriptions", "add", "discord", "1200000000000000001", "1300000000000000001", "--style", "threads",
        "--db", file.toString(), "--now", NOW).code()).isZero();
    try (SqliteStores stores = SqliteStores.open(file)) {
      Subscription s = stores.subscriptions().find(SLACK).orElseThrow();
      stores.alerts().add(Platform.SLACK, "T0123ABCD", SLACK, "U1", "확산", Optional.empty(), T0);
      stores.alerts().add(Platform.SLACK, "T0123ABCD", ChannelRef.directMessage(Platform.SLACK, "T0123ABCD", "U2"), "U2",
          "title:llm", Optional.of("user:U2"), T0);
      stores.alerts().remove(Platform.SLACK, "T0123ABCD", stores.alerts().all().get(0).id()); // ids keep a gap
      stores.alerts().add(Platform.SLACK, "T0123ABCD", SLACK, "U1", "모델 -survey", Optional.empty(), T0);
      stores.outbox().enqueue(List.of(
          PlannedDelivery.of(s, Delivery.Kind.DIGEST, "2024-06-06", T0, Optional.empty()),
          PlannedDelivery.of(s, Delivery.Kind.DIGEST, "2024-06-07", T0.plusSeconds(60), Optional.empty()),
          PlannedDelivery.of(s, Delivery.Kind.DIGEST, "2024-06-01", T0, Optional.of("missed by 6 days")),
          new PlannedDelivery(SLACK, Delivery.Kind.ALERT, "2024-06-07:ab12", 0, Optional.empty(), Subscription.Style.DIGEST,
              T0.plusSeconds(120), Optional.empty())), T0);
      stores.alerts().saveBatch(new AlertBatch(SLACK, "2024-06-07:ab12",
          List.of(new AlertBatch.Item("2406.04325", LocalDate.of(2024, 6, 7), List.of("확산 in summary"))), Optional.empty()), T0);
      Delivery first = stores.reports().all().get(0);
      Claim claim = stores.outbox().claim(first.id(), T0, new Lease("pid 1 on a", T0.plusSeconds(600))).orElseThrow();
      stores.outbox().markSent(claim, List.of("1717.01", "1717.02"), T0.plusSeconds(5));
    }
    return file;
  }

  @Test
  @Order(1)
  @DisplayName("copy: export and subscriptions list answer the same before and after; alerts keep their ids, the outbox its history")
  void copyKeepsEverything() {
    Path file = embeddedDatabase();
    String target = pg.paperboyUrl();
    Cli.Result exportBefore = run("export", "--db", file.toString());
    Cli.Result listBefore = run("subscriptions", "list", "--db", file.toString(), "--now", NOW);
    assertThat(exportBefore.out().lines().count()).isGreaterThan(10);

    Cli.Result copy = run("db", "copy", "--from", file.toString(), "--to", target);

    assertThat(copy.code()).as(copy.err()).isZero();
    assertThat(copy.out()).contains("copied").contains("2 days").contains("2 subscriptions").contains("2 alerts")
        .contains("4 outbox rows").contains("1 alert batches");
    assertThat(run("export", "--db", target).out()).isEqualTo(exportBefore.out());
    assertThat(run("subscriptions", "list", "--db", target, "--now", NOW).out()).isEqualTo(listBefore.out())
        .contains("last: alert 2024-06-07:ab12");
    try (Stores before = SqliteStores.open(file); Stores after = PostgresStores.open(target)) {
      assertThat(after.alerts().all()).isEqualTo(before.alerts().all());
      assertThat(after.reports().all()).isEqualTo(before.reports().all());
      assertThat(after.subscriptions().all()).isEqualTo(before.subscriptions().all());
      assertThat(after.alerts().batch(SLACK, "2024-06-07:ab12")).isEqualTo(before.alerts().batch(SLACK, "2024-06-07:ab12"));
      assertThat(after.papers().paper("2406.04325")).isEqualTo(before.papers().paper("2406.04325"));
      // new rows continue after the copied ids
      long next = after.alerts().add(Platform.SLACK, "T0123ABCD", SLACK, "U9", "new one", Optional.empty(), T0)
          .orElseThrow().id();
      assertThat(next).isGreaterThan(before.alerts().all().stream().mapToLong(a -> a.id()).max().orElseThrow());
    }
  }

  @Test
  @Order(2)
  @DisplayName("copy refuses a target that holds data (exit 1, nothing written) unless --replace")
  void refusesNonEmptyTarget() {
    Path file = embeddedDatabase();
    String target = pg.paperboyUrl(); // filled by the test before

    Cli.Result refused = run("db", "copy", "--from", file.toString(), "--to", target);
    assertThat(refused.code()).isEqualTo(ExitCodes.NOT_DONE);
    assertThat(refused.err()).contains("already holds").contains("--replace").contains(pg.schema());

    Cli.Result replaced = run("db", "copy", "--from", file.toString(), "--to", target, "--replace");
    assertThat(replaced.code()).as(replaced.err()).isZero();
    assertThat(run("export", "--db", target).out()).isEqualTo(run("export", "--db", file.toString()).out());
  }

  @Test
  @Order(3)
  @DisplayName("migrate creates a fresh schema's tables and says so; again it is current; read-only commands refuse an unmigrated schema")
  void migrate() {
    String fresh = url(pg.schema() + "_m");
    Cli.Result export = run("export", "--db", fresh);
    assertThat(export.code()).isEqualTo(ExitCodes.NOT_DONE);
    assertThat(export.err()).contains("no Paperboy tables").contains("db migrate");

    Cli.Result first = run("db", "migrate", "--db", fresh);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("schema version").contains("(was none)");
    Cli.Result again = run("db", "migrate", "--db", fresh);
    assertThat(again.out()).contains("(already current)");
    assertThat(run("export", "--db", fresh).code()).isZero();
    try (var c = pg.connect(); var s = c.createStatement()) {
      s.execute("DROP SCHEMA " + pg.schema() + "_m CASCADE");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(4)
  @DisplayName("a database that refuses or does not answer: exit 1, a message naming it, never its password")
  void neverShowsThePassword() {
    Cli.Result unreachable = run("export", "--db", "postgresql://bot:sekrit-pw@127.0.0.1:1/paperboy");
    assertThat(unreachable.code()).isEqualTo(ExitCodes.NOT_DONE);
    assertThat(unreachable.err()).contains("postgresql://bot@127.0.0.1:1/paperboy").doesNotContain("sekrit-pw");

    Cli.Result fromEnv = Cli.runWithInput("", Map.of("PAPERBOY_DB", "postgresql://127.0.0.1:1/paperboy",
        "PAPERBOY_DB_USER", "bot", "PAPERBOY_DB_PASSWORD", "sekrit-env"), "db", "migrate");
    assertThat(fromEnv.code()).isEqualTo(ExitCodes.NOT_DONE);
    assertThat(fromEnv.err()).contains("postgresql://bot@127.0.0.1:1/paperboy").doesNotContain("sekrit-env");
    assertThat(fromEnv.out() + fromEnv.err()).doesNotContain("sekrit");

    Cli.Result malformed = run("export", "--db", "postgresql://bot:sekrit-pw@/paperboy");
    assertThat(malformed.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(malformed.err()).contains("no host").doesNotContain("sekrit-pw");
  }
}
