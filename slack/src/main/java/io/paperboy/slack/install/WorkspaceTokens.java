package io.paperboy.slack.install;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import io.paperboy.store.delivery.Lease;
import io.paperboy.store.slack.SlackInstallation;
import io.paperboy.store.slack.SlackInstallationStore;
import io.paperboy.store.slack.SlackWorkspaceKey;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot token of each workspace, from its stored installation, refreshed before it expires when
 * the app rotates tokens.
 *
 * <p>Why not Bolt's {@code TokenRotator}: it refreshes in the calling process with no lock, and a
 * refresh retires the token before it and spends the single-use refresh token, so two instances
 * refreshing at once leave one of them with a dead token and the other's refresh refused. Here a
 * refresh runs only under the installation's lease in the database
 * ({@link SlackInstallationStore#claimRefresh}); an instance that finds the lease taken waits for
 * the holder's new token instead of refreshing too. The installation handed to Bolt carries no
 * refresh token, so Bolt never rotates by itself.
 */
public final class WorkspaceTokens {

  /** Refresh this long before expiry: Bolt's default window, well inside Slack's 12-hour lifetime. */
  public static final Duration REFRESH_AHEAD = Duration.ofHours(2);
  /** How long a holder may take to refresh; a dead holder's lease passes after this. */
  static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(20);

  private static final Logger log = LoggerFactory.getLogger(WorkspaceTokens.class);

  private final SlackInstallationStore store;
  private final MethodsClient oauth;
  private final String clientId;
  private final String clientSecret;
  private final String holder;
  private final Clock clock;

  /**
   * @param oauth  a Web API client without a token, for {@code oauth.v2.access}
   * @param holder this instance, as leases name it (e.g. {@code pid 4242 on host-a})
   */
  public WorkspaceTokens(SlackInstallationStore store, MethodsClient oauth, String clientId, String clientSecret,
      String holder, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.oauth = Objects.requireNonNull(oauth, "oauth");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    this.holder = Objects.requireNonNull(holder, "holder");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public SlackInstallationStore store() {
    return store;
  }

  /**
   * The installation serving the Paperboy workspace id of a channel ({@code T…}, or {@code E…}
   * for an org-wide install), with a token good for a while.
   */
  public Optional<SlackInstallation> forWorkspace(String workspace) {
    Optional<SlackInstallation> team = current(SlackWorkspaceKey.team(workspace));
    return team.isPresent() ? team : current(SlackWorkspaceKey.of(workspace, null));
  }

  /**
   * The installation serving {@code key}, its token refreshed first if it expires within
   * {@link #REFRESH_AHEAD}. A failed refresh is logged and the stored token returned while it
   * still works, so that a Slack hiccup does not stop posting hours before the token dies.
   */
  public Optional<SlackInstallation> current(SlackWorkspaceKey key) {
    Instant deadline = clock.instant().plus(LEASE).plus(LEASE);
    while (true) {
      Optional<SlackInstallation> found = store.find(key);
      if (found.isEmpty() || !due(found.get())) {
        return found;
      }
      SlackInstallation stale = found.get();
      Instant now = clock.instant();
      Optional<SlackInstallation> claimed = store.claimRefresh(stale.key(), stale.botToken(),
          new Lease(holder, now.plus(LEASE)), now);
      if (claimed.isPresent()) {
        return Optional.of(refresh(claimed.get()));
      }
      // another instance holds the lease or has just refreshed: use its token, never refresh twice
      if (!clock.instant().isBefore(deadline)) {
        log.warn("Slack: the token of {} is being refreshed by another instance for longer than {} s;"
            + " using the stored one", stale.key(), LEASE.plus(LEASE).toSeconds());
        return found;
      }
      pause();
    }
  }

  private boolean due(SlackInstallation installation) {
    return installation.tokenExpiresAt().isPresent()
        && installation.tokenExpiresAt().get().isBefore(clock.instant().plus(REFRESH_AHEAD));
  }

  private SlackInstallation refresh(SlackInstallation held) {
    String failure;
    try {
      OAuthV2AccessResponse r = oauth.oauthV2Access(q -> q.clientId(clientId).clientSecret(clientSecret)
          .grantType("refresh_token").refreshToken(held.refreshToken().orElseThrow()));
      if (r.isOk() && r.getAccessToken() != null) {
        Instant now = clock.instant();
        Optional<String> refreshToken = Optional.ofNullable(r.getRefreshToken());
        Optional<Instant> expiresAt = Optional.ofNullable(r.getExpiresIn()).map(s -> now.plusSeconds(s));
        if (refreshToken.isPresent() != expiresAt.isPresent()) {
          refreshToken = Optional.empty();
          expiresAt = Optional.empty();
        }
        if (store.completeRefresh(held.key(), holder, r.getAccessToken(), refreshToken, expiresAt, now)) {
          log.info("Slack: refreshed the bot token of {}", held.key());
          return held.withTokens(r.getAccessToken(), refreshToken, expiresAt);
        }
        failure = "the refresh lease passed before the new token was stored";
      } else {
        failure = "Slack answered " + r.getError();
      }
    } catch (IOException | SlackApiException e) {
      failure = e.toString();
    }
    store.releaseRefresh(held.key(), holder);
    log.warn("Slack: could not refresh the bot token of {} ({}); it expires at {}", held.key(), failure,
        held.tokenExpiresAt().orElseThrow());
    return store.find(held.key()).orElse(held);
  }

  private static void pause() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while another instance refreshed a Slack token", e);
    }
  }
}
