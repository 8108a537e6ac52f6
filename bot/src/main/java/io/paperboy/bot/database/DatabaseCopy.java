package io.paperboy.bot.database;

import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Stores;
import io.paperboy.store.alert.Alert;
import io.paperboy.store.alert.AlertBatch;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.postgresql.PostgresImport;
import io.paperboy.store.postgresql.PostgresStores;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves everything of one database into an empty PostgreSQL one, in one transaction of the
 * target (all or nothing): days through {@code PaperStore.saveAll} (the papers' latest views and
 * first-seen days follow from them, as on the source), subscriptions through their store (which
 * keeps their creation time and pause), and what the ports cannot write as it was (alerts with
 * their ids, outbox rows with their status and history) through {@link PostgresImport}. Alert
 * batches are read for each alert row of the outbox.
 */
public final class DatabaseCopy {

  /** How a copy ended. */
  public sealed interface Outcome {
    /** The target held rows already (these tables) and no replace was asked for: nothing was written. */
    record Refused(List<String> tables) implements Outcome {}

    /** Copied: how many of each. */
    record Copied(int days, int entries, int subscriptions, int alerts, int deliveries, int batches) implements Outcome {
      public String summary() {
        return days + " days (" + entries + " entries), " + subscriptions + " subscriptions, " + alerts + " alerts, "
            + deliveries + " outbox rows, " + batches + " alert batches";
      }
    }
  }

  private DatabaseCopy() {}

  /**
   * @param from    how the source is named in the copied days' {@code source} (e.g. its file)
   * @param replace empty the target first when it holds rows
   * @throws IllegalArgumentException when the target is not PostgreSQL
   */
  public static Outcome copy(Stores source, String from, Stores target, boolean replace, Clock clock) {
    if (!(target instanceof PostgresStores pg)) {
      throw new IllegalArgumentException("the target of a copy must be a PostgreSQL database");
    }
    PostgresImport importer = pg.importer();
    List<String> full = importer.nonEmptyTables();
    if (!full.isEmpty() && !replace) {
      return new Outcome.Refused(full);
    }
    return target.transactions().inTransaction(() -> {
      if (!full.isEmpty()) {
        importer.clear();
      }
      List<Digest> digests = new ArrayList<>();
      int entries = 0;
      for (LocalDate date : source.papers().digestDates()) {
        List<DigestEntry> day = source.papers().digest(date);
        entries += day.size();
        digests.add(new Digest(date, day, "copied from " + from));
      }
      target.papers().saveAll(digests);
      List<Subscription> subscriptions = source.subscriptions().all();
      for (Subscription s : subscriptions) {
        target.subscriptions().save(s, clock.instant());
      }
      List<Alert> alerts = source.alerts().all();
      importer.alerts(alerts);
      List<Delivery> deliveries = source.reports().all();
      importer.deliveries(deliveries);
      int batches = 0;
      for (Delivery d : deliveries) {
        if (d.kind() == Delivery.Kind.ALERT) {
          Optional<AlertBatch> batch = source.alerts().batch(d.channel(), d.key());
          if (batch.isPresent()) {
            target.alerts().saveBatch(batch.get(), d.createdAt());
            batches++;
          }
        }
      }
      return new Outcome.Copied(digests.size(), entries, subscriptions.size(), alerts.size(), deliveries.size(), batches);
    });
  }
}
