package io.paperboy.store.alert;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved query and where its hits go.
 *
 * @param id        row id, shown to users for {@code /alert remove}
 * @param platform  platform of the workspace
 * @param workspace Discord guild or Slack team; alerts never cross it
 * @param target    the channel hits go to, or the creator's direct messages
 * @param createdBy the user who added it
 * @param query     the query as typed
 * @param mention   the one user or role a hit may ping ({@code user:ID} or {@code role:ID})
 * @param createdAt when it was added
 */
public record Alert(
    long id,
    Platform platform,
    String workspace,
    ChannelRef target,
    String createdBy,
    String query,
    Optional<String> mention,
    Instant createdAt) {

  public Alert {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(mention, "mention");
  }

  /** Whether hits go to the creator's direct messages. */
  public boolean toDirectMessage() {
    return target.isDirectMessage();
  }
}
