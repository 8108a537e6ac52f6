package io.paperboy.store;

import static io.paperboy.store.TestData.digest;
import static io.paperboy.store.TestData.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.store.alert.AlertBatch;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.OutboxKey;
import io.paperboy.store.delivery.PlannedDelivery;
import io.paperboy.store.delivery.Subscription;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link Transactions}: calls to several stores commit together or not at all, nested
 * units join the outer one, reads inside see its writes, and other threads see them only after
 * the commit.
 */
@DisplayName("Transactions contract: one unit of work across stores")
public abstract class TransactionsContract extends StoresContract {

  private static final Instant NOW = Instant.parse("2024-06-07T00:00:00Z");
  private static final ChannelRef C1 = ChannelRef.of(Platform.SLACK, "T1", "C1");
  private static final OutboxKey ALERT_ROW = new OutboxKey(C1, Delivery.Kind.ALERT, "2024-06-07:abc");

  private Stores stores;
  private Transactions tx;
  private ExecutorService elsewhere;

  @BeforeEach
  final void openTransactions() {
    stores = fresh();
    tx = stores.transactions();
    elsewhere = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  final void stopElsewhere() {
    elsewhere.shutdownNow();
  }

  /** What AlertPlanner does in one transaction: an outbox row and the batch it posts. */
  private void enqueueAlert() {
    stores.outbox().enqueue(List.of(new PlannedDelivery(C1, Delivery.Kind.ALERT, ALERT_ROW.key(), 0, Optional.empty(),
        Subscription.Style.DIGEST, NOW, Optional.empty())), NOW);
    stores.alerts().saveBatch(new AlertBatch(C1, ALERT_ROW.key(), List.of(
        new AlertBatch.Item("2406.00001", LocalDate.of(2024, 6, 7), List.of("확산 in summary"))), Optional.empty()), NOW);
  }

  private boolean alertRowStored() {
    return stores.reports().find(ALERT_ROW).isPresent();
  }

  private boolean batchStored() {
    return stores.alerts().batch(C1, ALERT_ROW.key()).isPresent();
  }

  /** Runs a read on another thread, as another request would, and waits for its answer. */
  private <T> T readElsewhere(Supplier<T> read) throws Exception {
    return elsewhere.submit(read::get).get(60, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("commits writes to several stores together and answers the work's result")
  void commits() {
    int answer = tx.inTransaction(() -> {
      enqueueAlert();
      stores.subscriptions().save(Subscription.of(C1, LocalTime.of(9, 0), ZoneId.of("UTC"), DaySet.DAILY, NOW), NOW);
      stores.papers().save(digest("2024-06-07", entry(1, "2406.00001")));
      return 42;
    });

    assertThat(answer).isEqualTo(42);
    assertThat(alertRowStored()).isTrue();
    assertThat(batchStored()).isTrue();
    assertThat(stores.subscriptions().find(C1)).isPresent();
    assertThat(stores.papers().paper("2406.00001")).isPresent();
  }

  @Test
  @DisplayName("an exception rolls back every store's writes and propagates unchanged; the stores stay usable")
  void rollsBack() {
    IllegalStateException boom = new IllegalStateException("boom");

    assertThatThrownBy(() -> tx.inTransaction(() -> {
      enqueueAlert();
      stores.subscriptions().save(Subscription.of(C1, LocalTime.of(9, 0), ZoneId.of("UTC"), DaySet.DAILY, NOW), NOW);
      stores.papers().save(digest("2024-06-07", entry(1, "2406.00001")));
      stores.alerts().add(Platform.SLACK, "T1", C1, "U1", "확산", Optional.empty(), NOW);
      throw boom;
    })).isSameAs(boom);

    assertThat(alertRowStored()).isFalse();
    assertThat(batchStored()).isFalse();
    assertThat(stores.subscriptions().all()).isEmpty();
    assertThat(stores.papers().paper("2406.00001")).isEmpty();
    assertThat(stores.papers().digestDates()).isEmpty();
    assertThat(stores.alerts().all()).isEmpty();
    // afterwards the same work commits
    tx.inTransaction(this::enqueueAlert);
    assertThat(alertRowStored()).isTrue();
    assertThat(batchStored()).isTrue();
  }

  @Test
  @DisplayName("a store's own refusal inside the work rolls back the writes before it too")
  void storeFailureRollsBack() {
    assertThatThrownBy(() -> tx.inTransaction(() -> {
      enqueueAlert();
      // a digest that lists one paper twice is refused by the store
      stores.papers().save(digest("2024-06-07", entry(1, "a.1"), entry(2, "a.1")));
    })).isInstanceOf(IllegalArgumentException.class);

    assertThat(alertRowStored()).isFalse();
    assertThat(batchStored()).isFalse();
  }

  @Test
  @DisplayName("a nested unit joins the outer one: it commits with it and rolls back with it")
  void nestedJoins() {
    assertThatThrownBy(() -> tx.inTransaction(() -> {
      String inner = tx.inTransaction(() -> {
        enqueueAlert();
        return "inner done";
      });
      assertThat(inner).isEqualTo("inner done");
      throw new IllegalStateException("outer fails after inner succeeded");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(alertRowStored()).isFalse();
    assertThat(batchStored()).isFalse();

    tx.inTransaction(() -> tx.inTransaction(this::enqueueAlert));
    assertThat(alertRowStored()).isTrue();
  }

  @Test
  @DisplayName("reads inside the unit see its writes; other threads see them only after the commit")
  void readsSeeWrites() throws Exception {
    AtomicReference<Boolean> othersSawRow = new AtomicReference<>();
    tx.inTransaction(() -> {
      enqueueAlert();
      stores.papers().save(digest("2024-06-07", entry(1, "2406.00001").title("Inside the unit")));
      assertThat(alertRowStored()).isTrue();
      assertThat(batchStored()).isTrue();
      assertThat(stores.reports().all()).hasSize(1);
      assertThat(stores.reports().counts()).containsEntry(Delivery.Status.PENDING, 1);
      assertThat(stores.outbox().due(NOW, 10)).extracting(Delivery::outboxKey).containsExactly(ALERT_ROW);
      assertThat(stores.papers().paper("2406.00001")).hasValueSatisfying(p ->
          assertThat(p.title()).isEqualTo("Inside the unit"));
      assertThat(stores.papers().digest(LocalDate.of(2024, 6, 7))).hasSize(1);
      try {
        othersSawRow.set(readElsewhere(this::alertRowStored));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    assertThat(othersSawRow.get()).as("another thread during the unit").isFalse();
    assertThat(readElsewhere(this::alertRowStored)).as("another thread after the commit").isTrue();
    assertThat(readElsewhere(this::batchStored)).isTrue();
  }
}
