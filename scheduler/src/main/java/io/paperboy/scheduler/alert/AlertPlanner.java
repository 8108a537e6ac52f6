package io.paperboy.scheduler.alert;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.IngestResult;
import io.paperboy.store.Paper;
import io.paperboy.store.PaperStore;
import io.paperboy.store.Transactions;
import io.paperboy.store.alert.Alert;
import io.paperboy.store.alert.AlertBatch;
import io.paperboy.store.alert.AlertStore;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.OutboxStore;
import io.paperboy.store.delivery.PlannedDelivery;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.query.MatchableText;
import io.paperboy.store.query.Query;
import io.paperboy.store.query.QueryMatcher;
import io.paperboy.store.query.QueryParser;
import io.paperboy.store.query.QuerySyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches the papers an ingest brought that the store had never seen against every alert, and
 * writes one batch + one outbox row per (target, mention) — in one transaction, so a crash leaves
 * either both or neither. Re-ingesting a day brings no new papers, so it never re-alerts; the
 * outbox's unique key makes even a repeated call harmless.
 */
public final class AlertPlanner {

  private static final Logger log = LoggerFactory.getLogger(AlertPlanner.class);

  private final Transactions transactions;
  private final PaperStore papers;
  private final AlertStore alerts;
  private final OutboxStore outbox;
  private final Clock clock;
  private final ZoneId zone;
  private final Duration recent;
  private final Map<String, Optional<Query>> parsed = new HashMap<>();

  /**
   * @param recent only papers from digests dated within this long before today alert: a backfill
   *               of old days is history, not news
   */
  public AlertPlanner(Transactions transactions, PaperStore papers, AlertStore alerts, OutboxStore outbox,
      Clock clock, ZoneId zone, Duration recent) {
    this.transactions = transactions;
    this.papers = papers;
    this.alerts = alerts;
    this.outbox = outbox;
    this.clock = clock;
    this.zone = zone;
    this.recent = recent;
  }

  /** One batch target: a channel (or DM) and the mention its alerts ask for. */
  private record Target(ChannelRef channel, Optional<String> mention) {}

  /**
   * Plans the alert deliveries of one ingest (one or many days).
   *
   * @return the number of batches enqueued
   */
  public int plan(List<IngestResult> results) {
    LocalDate oldest = LocalDate.now(clock.withZone(zone)).minusDays(recent.toDays());
    List<String> ids = new ArrayList<>();
    Map<String, LocalDate> dateOf = new HashMap<>();
    for (IngestResult r : results) {
      if (r.date().isBefore(oldest)) {
        continue;
      }
      for (String id : r.newPapers()) {
        if (dateOf.putIfAbsent(id, r.date()) == null) {
          ids.add(id);
        }
      }
    }
    List<Alert> all = alerts.all();
    if (ids.isEmpty() || all.isEmpty()) {
      return 0;
    }
    Map<Target, List<AlertBatch.Item>> batches = new LinkedHashMap<>();
    for (String id : ids) {
      Optional<Paper> paper = papers.paper(id);
      if (paper.isEmpty()) {
        continue;
      }
      Paper p = paper.get();
      MatchableText text = new MatchableText(p.title(), p.authors(), p.summary());
      Map<Target, Set<String>> hitsByTarget = new LinkedHashMap<>();
      for (Alert alert : all) {
        Optional<Query> query = parsed.computeIfAbsent(alert.query(), AlertPlanner::parse);
        if (query.isEmpty()) {
          continue;
        }
        QueryMatcher.explain(query.get(), text).ifPresent(hits -> {
          Set<String> why = hitsByTarget.computeIfAbsent(new Target(alert.target(), alert.mention()), k -> new java.util.LinkedHashSet<>());
          hits.forEach(h -> why.add(h.term() + " in " + h.field().name().toLowerCase(Locale.ROOT)));
        });
      }
      hitsByTarget.forEach((target, why) -> batches.computeIfAbsent(target, k -> new ArrayList<>())
          .add(new AlertBatch.Item(id, dateOf.get(id), List.copyOf(why))));
    }
    if (batches.isEmpty()) {
      return 0;
    }
    return transactions.inTransaction(() -> {
      int enqueued = 0;
      for (Map.Entry<Target, List<AlertBatch.Item>> e : batches.entrySet()) {
        Target t = e.getKey();
        String key = key(e.getValue(), t.mention());
        List<PlannedDelivery> added = outbox.enqueue(List.of(new PlannedDelivery(t.channel(), Delivery.Kind.ALERT, key,
            0, Optional.empty(), Subscription.Style.DIGEST, clock.instant(), Optional.empty())), clock.instant());
        if (!added.isEmpty()) {
          alerts.saveBatch(new AlertBatch(t.channel(), key, e.getValue(), t.mention()), clock.instant());
          enqueued++;
          log.info("alert: {} new paper(s) for {}", e.getValue().size(), t.channel().key());
        }
      }
      return enqueued;
    });
  }

  private static Optional<Query> parse(String text) {
    try {
      return Optional.of(QueryParser.parse(text));
    } catch (QuerySyntaxException e) {
      // saved queries were checked when added; a grammar change could still orphan one
      log.warn("alert query `{}` no longer parses ({}); skipped", text, e.getMessage());
      return Optional.empty();
    }
  }

  /** The batch's outbox key: its first day plus a digest of its papers and mention, stable across retries. */
  static String key(List<AlertBatch.Item> items, Optional<String> mention) {
    Set<String> seen = new HashSet<>();
    StringBuilder material = new StringBuilder(mention.orElse(""));
    LocalDate first = items.get(0).date();
    for (AlertBatch.Item i : items) {
      if (seen.add(i.arxivId())) {
        material.append('|').append(i.arxivId());
      }
      if (i.date().isBefore(first)) {
        first = i.date();
      }
    }
    try {
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(material.toString().getBytes(StandardCharsets.UTF_8));
      return first + ":" + HexFormat.of().formatHex(sha, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
