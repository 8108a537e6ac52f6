package io.paperboy.slack.install;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import io.paperboy.store.slack.OAuthStateStore;
import io.paperboy.store.slack.SlackInstallation;
import io.paperboy.store.slack.SlackInstallationStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A distributed Slack app: Bolt's OAuth install flow, installations and states on Paperboy's own
 * database, each workspace's token (rotated under a database lease), and the handlers that delete
 * an installation when Slack says it was uninstalled or its tokens revoked.
 */
public final class SlackDistribution {

  /** Sends the installer to Slack's authorize page with a fresh one-time state. */
  public static final String INSTALL_PATH = "/slack/install";
  /** Where Slack sends the installer back with a code (the manifest's {@code redirect_urls}). */
  public static final String REDIRECT_PATH = "/slack/oauth_redirect";
  /** The bot scopes an install asks for: the manifest's ({@code config/slack-app-manifest.yml}). */
  public static final List<String> BOT_SCOPES = List.of("commands", "chat:write", "chat:write.public", "files:write",
      "users:read", "channels:history", "groups:history", "im:write", "im:history");

  private final WorkspaceTokens tokens;
  private final StoredInstallationService installations;
  private final StoredOAuthStateService states;

  /**
   * @param holder this instance, as refresh leases name it
   */
  public SlackDistribution(SlackInstallationStore installs, OAuthStateStore states, Slack slack, String clientId,
      String clientSecret, String holder, Clock clock) {
    this.tokens = new WorkspaceTokens(installs, slack.methods(), clientId, clientSecret, holder, clock);
    this.installations = new StoredInstallationService(tokens, clock);
    this.states = new StoredOAuthStateService(Objects.requireNonNull(states, "states"), clock);
  }

  public WorkspaceTokens tokens() {
    return tokens;
  }

  /** The bot token for a Paperboy workspace id; empty where the app is not installed. */
  public Optional<String> token(String workspace) {
    return tokens.forWorkspace(workspace).map(SlackInstallation::botToken);
  }

  /** Makes {@code app} (built with client id, secret, scopes and paths) serve the install flow. */
  public App configure(App app) {
    app.asOAuthApp(true);
    app.service(installations);
    app.service(states);
    app.enableTokenRevocationHandlers();
    // Bolt answers a bad state with 200 and a page; refuse it plainly, saying what to do
    app.oauthCallbackStateError((request, response) -> refused(response,
        "This install link is invalid, used or expired. Start again from " + INSTALL_PATH + "."));
    app.oauthCallbackError((request, response) -> refused(response,
        "Slack did not approve the install (" + String.valueOf(request.getPayload().getError())
            + "). Start again from " + INSTALL_PATH + "."));
    return app;
  }

  private static Response refused(Response response, String text) {
    response.setStatusCode(400);
    response.setContentType("text/html; charset=utf-8");
    response.setBody(InstallPages.page("Paperboy was not installed", text));
    return response;
  }
}
