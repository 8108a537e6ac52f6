package io.paperboy.store.slack;

import io.paperboy.store.delivery.Lease;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the Slack app's installations, one per workspace or organization, shared by every
 * instance. Uninstalling pauses the workspace's subscriptions (kept, with
 * {@link #UNINSTALLED_REASON}); installing again resumes exactly those.
 *
 * <p>Token rotation: a rotating token must be refreshed by one instance only, since each refresh
 * token works once and a refresh retires the token before it. {@link #claimRefresh} hands the
 * installation to one holder at a time under a {@link Lease}; {@link #completeRefresh} stores the
 * new tokens and ends the lease. A holder that dies leaves a lease that others may take once it
 * has passed.
 */
public interface SlackInstallationStore {

  /** Why a workspace's subscriptions are paused while the app is not installed there. */
  String UNINSTALLED_REASON = "the Slack app was uninstalled from this workspace; installing it again resumes posting";

  /**
   * Saves the installation of its key, replacing an earlier one (a reinstall) and any refresh
   * lease, and resumes the workspace's subscriptions paused by {@link #delete}, in one transaction.
   *
   * @return how many subscriptions were resumed
   */
  int save(SlackInstallation installation, Instant now);

  /**
   * The installation serving {@code key}: the workspace's own, else (for a workspace of an
   * organization) the organization-wide one.
   */
  Optional<SlackInstallation> find(SlackWorkspaceKey key);

  /** Every installation, by enterprise and team. */
  List<SlackInstallation> all();

  /**
   * Deletes the installation of exactly {@code key} and pauses every active Slack subscription of
   * its workspace with {@link #UNINSTALLED_REASON} (their pending rows are skipped), in one
   * transaction.
   *
   * @return whether there was an installation
   */
  boolean delete(SlackWorkspaceKey key, Instant now);

  /**
   * Takes the right to refresh the installation's token: granted when the stored token is still
   * {@code staleToken} (nobody refreshed it meanwhile) and no other holder has a live lease.
   *
   * @return the installation as stored, if {@code lease} now holds it
   */
  Optional<SlackInstallation> claimRefresh(SlackWorkspaceKey key, String staleToken, Lease lease, Instant now);

  /**
   * Stores refreshed tokens and ends the lease, if {@code holder} still holds it.
   *
   * @return false if the lease was lost (passed and taken by another); nothing is stored then
   */
  boolean completeRefresh(SlackWorkspaceKey key, String holder, String botToken, Optional<String> refreshToken,
      Optional<Instant> expiresAt, Instant now);

  /** Ends {@code holder}'s lease without storing anything (the refresh failed). */
  void releaseRefresh(SlackWorkspaceKey key, String holder);
}
