package io.paperboy.store.postgresql.delivery;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.DeliveryReports;
import io.paperboy.store.delivery.OutboxKey;
import io.paperboy.store.postgresql.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@link DeliveryReports} on table {@code delivery}: read-only, each call one snapshot. */
public final class PgDeliveryReports implements DeliveryReports {

  private final Database db;

  public PgDeliveryReports(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  @Override
  public Optional<Delivery> find(long id) {
    return db.readStatement(c -> DeliveryRows.find(c, id));
  }

  @Override
  public Optional<Delivery> find(OutboxKey key) {
    return db.readStatement(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          DeliveryRows.SELECT + " WHERE " + DeliveryRows.CHANNEL_MATCH + " AND kind = ? AND key = ?")) {
        int i = DeliveryRows.bindChannel(ps, 1, key.channel());
        ps.setString(i++, key.kind().word());
        ps.setString(i, key.key());
        return DeliveryRows.first(ps);
      }
    });
  }

  @Override
  public List<Delivery> forChannel(ChannelRef channel, int limit) {
    return db.readStatement(c -> {
      try (PreparedStatement ps = c.prepareStatement(DeliveryRows.SELECT + " WHERE " + DeliveryRows.CHANNEL_MATCH
          + " ORDER BY d.due_at DESC, d.id DESC LIMIT ?")) {
        int i = DeliveryRows.bindChannel(ps, 1, channel);
        ps.setInt(i, limit);
        return DeliveryRows.list(ps);
      }
    });
  }

  @Override
  public Map<ChannelRef, Delivery> latestPerChannel(Platform platform, String workspace) {
    return db.readStatement(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + DeliveryRows.COLUMNS + """
           FROM (SELECT *, row_number() OVER (PARTITION BY channel, thread ORDER BY due_at DESC, id DESC) AS nth
                   FROM delivery WHERE platform = ? AND workspace = ?) d
          WHERE d.nth = 1 ORDER BY d.channel, d.thread""")) {
        ps.setString(1, platform.name());
        ps.setString(2, workspace);
        Map<ChannelRef, Delivery> latest = new LinkedHashMap<>();
        for (Delivery d : DeliveryRows.list(ps)) {
          latest.put(d.channel(), d);
        }
        return latest;
      }
    });
  }

  @Override
  public Set<OutboxKey> keys(Set<Kind> kinds, String fromKey) {
    if (kinds.isEmpty()) {
      return Set.of();
    }
    return db.readStatement(c -> {
      Set<OutboxKey> keys = new HashSet<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + DeliveryRows.CHANNEL
          + ", kind, key FROM delivery WHERE key >= ? AND kind = ANY (?)")) {
        ps.setString(1, fromKey);
        ps.setArray(2, c.createArrayOf("text", kinds.stream().map(Kind::word).toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            keys.add(new OutboxKey(DeliveryRows.channel(rs), Kind.of(rs.getString("kind")), rs.getString("key")));
          }
        }
      }
      return keys;
    });
  }

  @Override
  public List<Delivery> all() {
    return db.readStatement(c -> {
      try (PreparedStatement ps = c.prepareStatement(DeliveryRows.SELECT + " ORDER BY d.id")) {
        return DeliveryRows.list(ps);
      }
    });
  }

  @Override
  public Map<Status, Integer> counts() {
    return db.readStatement(c -> {
      Map<Status, Integer> counts = new EnumMap<>(Status.class);
      for (Status s : Status.values()) {
        counts.put(s, 0);
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM delivery GROUP BY status");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(Status.of(rs.getString(1)), rs.getInt(2));
        }
      }
      return counts;
    });
  }
}
