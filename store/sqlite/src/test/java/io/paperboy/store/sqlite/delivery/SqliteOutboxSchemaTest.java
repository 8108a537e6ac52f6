package io.paperboy.store.sqlite.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.StoreException;
import io.paperboy.store.delivery.Claim;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Lease;
import io.paperboy.store.delivery.PlannedDelivery;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.sqlite.SqliteStores;
import io.paperboy.store.sqlite.db.Database;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the SQLite outbox and subscriptions have: the schema's own checks (unique keys,
 * CHECK constraints) under the stores, a second connection to the same file, the lease columns.
 */
@DisplayName("SQLite outbox and subscriptions: the schema under the stores")
class SqliteOutboxSchemaTest {

  static final Instant T0 = Instant.parse("2024-06-07T00:00:00Z");

  @TempDir
  Path dir;
  Database db;
  SqliteStores stores;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("p.db"));
    stores = SqliteStores.on(db);
  }

  @AfterEach
  void close() {
    stores.close();
  }

  static PlannedDelivery digest(ChannelRef channel, String date, Instant due) {
    Subscription s = Subscription.of(channel, LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.DAILY, T0);
    return PlannedDelivery.of(s, Kind.DIGEST, date, due, Optional.empty());
  }

  @Test
  @DisplayName("the schema itself refuses a second row for a (channel, kind, key)")
  void uniqueKey() {
    stores.outbox().enqueue(List.of(digest(ChannelRef.of(Platform.SLACK, "T1", "CA"), "2024-06-07", T0)), T0);

    assertThatThrownBy(() -> db.write(c -> {
      try (Statement st = c.createStatement()) {
        return st.executeUpdate("""
            INSERT INTO delivery (platform, workspace, channel, kind, key, top, style, due_at, status,
                                  next_attempt_at, created_at)
            VALUES ('SLACK', 'T1', 'CA', 'digest', '2024-06-07', 0, 'digest', 'x', 'pending', 'x', 'x')""");
      }
    })).isInstanceOf(StoreException.class).hasMessageContaining("UNIQUE");
  }

  @Test
  @DisplayName("two connections to one file planning the same posts at once still leave one row per post")
  void concurrentEnqueueFromTwoConnections() throws Exception {
    List<PlannedDelivery> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(digest(ChannelRef.of(Platform.SLACK, "T1", "C" + i), "2024-06-07", T0));
    }
    // a second Database on the same file stands in for a second process
    try (SqliteStores other = SqliteStores.open(dir.resolve("p.db"))) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Callable<List<PlannedDelivery>>> jobs = List.of(() -> stores.outbox().enqueue(rows, T0),
            () -> other.outbox().enqueue(rows, T0));
        int added = 0;
        for (Future<List<PlannedDelivery>> f : pool.invokeAll(jobs)) {
          added += f.get().size();
        }
        assertThat(added).isEqualTo(200);
      } finally {
        pool.shutdown();
      }
    }
    assertThat(stores.reports().all()).hasSize(200);
  }

  @Test
  @DisplayName("a claim writes its holder and lease end into the row; every way out of attempting clears them")
  void leaseColumns() {
    ChannelRef a = ChannelRef.of(Platform.SLACK, "T1", "CA");
    stores.outbox().enqueue(List.of(digest(a, "2024-06-07", T0)), T0);
    long id = stores.reports().all().get(0).id();

    Claim claim = stores.outbox().claim(id, T0, new Lease("pid 42 on host-a", T0.plusMillis(600_250))).orElseThrow();
    assertThat(leaseColumns(id)).containsExactly("pid 42 on host-a", "2024-06-07T00:10:00.250Z");

    stores.outbox().markRetry(claim, T0.plusSeconds(1), "HTTP 503", true);
    assertThat(leaseColumns(id)).containsExactly(null, null);
    stores.outbox().claim(id, T0.plusSeconds(1), new Lease("pid 43 on host-a", T0.plusSeconds(601))).orElseThrow();
    stores.outbox().recoverInterrupted(T0.plusSeconds(2));
    assertThat(leaseColumns(id)).containsExactly(null, null);
  }

  private List<String> leaseColumns(long id) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT claimed_by, lease_until FROM delivery WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          List<String> values = new ArrayList<>();
          values.add(rs.getString(1));
          values.add(rs.getString(2));
          return values;
        }
      }
    });
  }

  @Test
  @DisplayName("the schema refuses what the record would refuse (negative top, unknown style)")
  void schemaChecks() {
    assertThatThrownBy(() -> db.write(c -> {
      try (Statement st = c.createStatement()) {
        return st.executeUpdate("""
            INSERT INTO subscription VALUES ('SLACK','T','C','','09:00','UTC','daily',-1,NULL,'digest',0,0,NULL,
              '2024-01-01T00:00:00.000Z','2024-01-01T00:00:00.000Z','daily')""");
      }
    })).isInstanceOf(StoreException.class).hasMessageContaining("CHECK");
    assertThatThrownBy(() -> db.write(c -> {
      try (Statement st = c.createStatement()) {
        return st.executeUpdate("""
            INSERT INTO subscription VALUES ('SLACK','T','C','','09:00','UTC','daily',0,NULL,'fancy',0,0,NULL,
              '2024-01-01T00:00:00.000Z','2024-01-01T00:00:00.000Z','daily')""");
      }
    })).isInstanceOf(StoreException.class).hasMessageContaining("CHECK");
    assertThatThrownBy(() -> db.write(c -> {
      try (Statement st = c.createStatement()) {
        return st.executeUpdate("""
            INSERT INTO subscription VALUES ('SLACK','T','C','','09:00','UTC','mon',0,NULL,'digest',0,0,NULL,
              '2024-01-01T00:00:00.000Z','2024-01-01T00:00:00.000Z','fortnightly')""");
      }
    })).isInstanceOf(StoreException.class).hasMessageContaining("CHECK");
  }
}
