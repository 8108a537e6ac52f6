package io.paperboy.store.alert;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: keyword alerts and the batches their deliveries post. Every read and removal of alerts is
 * scoped by platform and workspace.
 */
public interface AlertStore {

  /**
   * Saves a new alert; returns it with its id (unique among the stored alerts), or empty when the
   * same query already goes to the same target in this workspace.
   */
  Optional<Alert> add(Platform platform, String workspace, ChannelRef target, String createdBy, String query,
      Optional<String> mention, Instant now);

  /** The workspace's alerts, oldest first. */
  List<Alert> inWorkspace(Platform platform, String workspace);

  /** Every alert of every workspace, oldest first: what a new paper is matched against. */
  List<Alert> all();

  /** The alert with this id, if it belongs to this workspace. */
  Optional<Alert> find(Platform platform, String workspace, long id);

  /** Removes an alert of this workspace; false when there is none with that id here. */
  boolean remove(Platform platform, String workspace, long id);

  int countInWorkspace(Platform platform, String workspace);

  int countByUser(Platform platform, String workspace, String userId);

  /**
   * Saves a batch under its (target, key), once: a batch whose (target, key) is stored already is
   * left as it was, so a retried delivery posts exactly what the first attempt would have.
   */
  void saveBatch(AlertBatch batch, Instant now);

  /** The batch an alert delivery row posts. */
  Optional<AlertBatch> batch(ChannelRef target, String key);
}
