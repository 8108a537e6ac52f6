package io.paperboy.store.postgresql.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.StoreException;
import io.paperboy.store.alert.Alert;
import io.paperboy.store.alert.AlertBatch;
import io.paperboy.store.alert.AlertStore;
import io.paperboy.store.postgresql.db.Database;
import io.paperboy.store.postgresql.db.PgText;
import io.paperboy.store.postgresql.db.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link AlertStore} on tables {@code alert} and {@code alert_batch}; a batch's papers are one
 * {@code jsonb} array. Every read and removal of alerts is scoped by platform and workspace. A
 * batch is saved once per (target, key) ({@code ON CONFLICT DO NOTHING}), so whichever instance
 * saves it first decides what every retry posts.
 */
public final class PgAlertStore implements AlertStore {

  static final String COLUMNS = "id, platform, workspace, target_kind, target, created_by, query, mention, created_at";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;

  public PgAlertStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<Alert> add(Platform platform, String workspace, ChannelRef target, String createdBy, String query,
      Optional<String> mention, Instant now) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert (platform, workspace, target_kind, target,"
          + " created_by, query, mention, created_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING RETURNING "
          + COLUMNS)) {
        ps.setString(1, platform.name());
        ps.setString(2, workspace);
        ps.setString(3, target.isDirectMessage() ? "user" : "channel");
        ps.setString(4, target.directMessageUser().orElse(target.channel()));
        ps.setString(5, createdBy);
        Sql.setText(ps, 6, query);
        ps.setString(7, mention.orElse(null));
        Sql.setInstant(ps, 8, now);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(alert(rs)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<Alert> inWorkspace(Platform platform, String workspace) {
    return query("WHERE platform = ? AND workspace = ? ORDER BY id", platform.name(), workspace);
  }

  @Override
  public List<Alert> all() {
    return query("ORDER BY id");
  }

  @Override
  public Optional<Alert> find(Platform platform, String workspace, long id) {
    return query("WHERE platform = ? AND workspace = ? AND id = ?", platform.name(), workspace, id).stream().findFirst();
  }

  @Override
  public boolean remove(Platform platform, String workspace, long id) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM alert WHERE platform = ? AND workspace = ? AND id = ?")) {
        ps.setString(1, platform.name());
        ps.setString(2, workspace);
        ps.setLong(3, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public int countInWorkspace(Platform platform, String workspace) {
    return count("WHERE platform = ? AND workspace = ?", platform.name(), workspace);
  }

  @Override
  public int countByUser(Platform platform, String workspace, String userId) {
    return count("WHERE platform = ? AND workspace = ? AND created_by = ?", platform.name(), workspace, userId);
  }

  @Override
  public void saveBatch(AlertBatch batch, Instant now) {
    ArrayNode papers = JSON.createArrayNode();
    for (AlertBatch.Item item : batch.papers()) {
      ObjectNode o = papers.addObject();
      o.put("id", item.arxivId());
      o.put("date", item.date().toString());
      ArrayNode hits = o.putArray("hits");
      item.hits().forEach(h -> hits.add(PgText.store(h)));
    }
    ChannelRef t = batch.target();
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_batch (platform, workspace, channel, thread, key,"
          + " papers, mention, created_at) VALUES (?,?,?,?,?,?::jsonb,?,?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, t.platform().name());
        ps.setString(2, t.workspace());
        ps.setString(3, t.channel());
        ps.setString(4, t.thread().orElse(""));
        ps.setString(5, batch.key());
        ps.setString(6, papers.toString());
        ps.setString(7, batch.mention().orElse(null));
        Sql.setInstant(ps, 8, now);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public Optional<AlertBatch> batch(ChannelRef target, String key) {
    return db.readStatement(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT papers, mention FROM alert_batch"
          + " WHERE platform = ? AND workspace = ? AND channel = ? AND thread = ? AND key = ?")) {
        ps.setString(1, target.platform().name());
        ps.setString(2, target.workspace());
        ps.setString(3, target.channel());
        ps.setString(4, target.thread().orElse(""));
        ps.setString(5, key);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          List<AlertBatch.Item> items = new ArrayList<>();
          for (JsonNode o : JSON.readTree(rs.getString(1))) {
            List<String> hits = new ArrayList<>();
            o.get("hits").forEach(h -> hits.add(PgText.load(h.asText())));
            items.add(new AlertBatch.Item(o.get("id").asText(), LocalDate.parse(o.get("date").asText()), hits));
          }
          return Optional.of(new AlertBatch(target, key, items, Optional.ofNullable(rs.getString(2))));
        } catch (JsonProcessingException e) {
          throw new StoreException("alert_batch " + key + " for " + target.key() + " holds malformed JSON", e);
        }
      }
    });
  }

  private List<Alert> query(String where, Object... args) {
    return db.readStatement(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alert " + where)) {
        bind(ps, args);
        List<Alert> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(alert(rs));
          }
        }
        return out;
      }
    });
  }

  private int count(String where, Object... args) {
    return db.readStatement(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM alert " + where)) {
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    });
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }

  static Alert alert(ResultSet rs) throws SQLException {
    Platform platform = Platform.valueOf(rs.getString("platform"));
    String workspace = rs.getString("workspace");
    String target = rs.getString("target");
    ChannelRef ref = "user".equals(rs.getString("target_kind"))
        ? ChannelRef.directMessage(platform, workspace, target)
        : ChannelRef.of(platform, workspace, target);
    return new Alert(rs.getLong("id"), platform, workspace, ref, rs.getString("created_by"), Sql.text(rs, "query"),
        Optional.ofNullable(rs.getString("mention")), Sql.instant(rs, "created_at"));
  }
}
