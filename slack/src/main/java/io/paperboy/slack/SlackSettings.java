package io.paperboy.slack;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the Slack adapter needs to start. Secrets come from the environment only; the rest
 * from the configuration file.
 *
 * @param botToken      {@code SLACK_BOT_TOKEN} ({@code xoxb-…}); one workspace, required in both modes
 *                      unless the app is distributed
 * @param appToken      {@code SLACK_APP_TOKEN} ({@code xapp-…}); present means Socket Mode
 * @param signingSecret {@code SLACK_SIGNING_SECRET}; with a bot token and no app token, HTTP mode
 * @param apiUrl        Web API base URL ending in {@code /api/}; a proxy or a fake can stand in
 * @param httpHost      address HTTP mode binds {@code /slack/events} to
 * @param httpPort      port HTTP mode listens on (0 picks a free one; tests read it back)
 * @param commandNames  slash-command name per command name, where the default collides with
 *                      another app in a workspace ({@code search → papersearch}); no slash
 * @param managers      user ids who may run manager-only commands besides workspace admins and
 *                      owners: {@code U123} anywhere, or {@code T1:U123} in one workspace only
 * @param clientId      {@code SLACK_CLIENT_ID}: with the secret, the app is distributed — installed
 *                      into any number of workspaces through {@code /slack/install} (HTTP mode)
 * @param clientSecret  {@code SLACK_CLIENT_SECRET}
 */
public record SlackSettings(
    Optional<String> botToken,
    Optional<String> appToken,
    Optional<String> signingSecret,
    URI apiUrl,
    String httpHost,
    int httpPort,
    Map<String, String> commandNames,
    Set<String> managers,
    Optional<String> clientId,
    Optional<String> clientSecret) {

  public static final String BOT_TOKEN_VARIABLE = "SLACK_BOT_TOKEN";
  public static final String APP_TOKEN_VARIABLE = "SLACK_APP_TOKEN";
  public static final String SIGNING_SECRET_VARIABLE = "SLACK_SIGNING_SECRET";
  public static final String CLIENT_ID_VARIABLE = "SLACK_CLIENT_ID";
  public static final String CLIENT_SECRET_VARIABLE = "SLACK_CLIENT_SECRET";
  public static final URI DEFAULT_API_URL = URI.create("https://slack.com/api/");

  /** How Slack reaches the bot. */
  public enum Mode {
    /** Bolt opens a WebSocket to Slack: no public URL needed. */
    SOCKET,
    /** Slack POSTs signed requests to {@code /slack/events} on a public URL. */
    HTTP
  }

  /** One workspace ({@code SLACK_BOT_TOKEN}), as before distribution. */
  public SlackSettings(Optional<String> botToken, Optional<String> appToken, Optional<String> signingSecret, URI apiUrl,
      String httpHost, int httpPort, Map<String, String> commandNames, Set<String> managers) {
    this(botToken, appToken, signingSecret, apiUrl, httpHost, httpPort, commandNames, managers, Optional.empty(),
        Optional.empty());
  }

  public SlackSettings {
    clientId = nonBlank(clientId);
    clientSecret = nonBlank(clientSecret);
    botToken = nonBlank(botToken);
    appToken = nonBlank(appToken);
    signingSecret = nonBlank(signingSecret);
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(httpHost, "httpHost");
    if (!"http".equals(apiUrl.getScheme()) && !"https".equals(apiUrl.getScheme())) {
      throw new IllegalArgumentException("slack.api-url must be an http(s) URL, not " + apiUrl);
    }
    if (!apiUrl.getPath().endsWith("/")) {
      // the client appends method names ("chat.postMessage") to this prefix verbatim
      apiUrl = URI.create(apiUrl + "/");
    }
    if (httpPort < 0 || httpPort > 65_535) {
      throw new IllegalArgumentException("slack.http-port must be 0..65535, not " + httpPort);
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : commandNames.entrySet()) {
      String slash = e.getValue().strip().toLowerCase(Locale.ROOT);
      slash = slash.startsWith("/") ? slash.substring(1) : slash;
      // Slack allows lower-case letters, digits, '-' and '_' and 32 characters including the slash
      if (!slash.matches("[a-z0-9_-]{1,31}")) {
        throw new IllegalArgumentException("slack.command-names: '" + e.getValue() + "' (for " + e.getKey()
            + ") is not a valid slash-command name");
      }
      names.put(e.getKey(), slash);
    }
    commandNames = Map.copyOf(names);
    managers = Set.copyOf(managers);
  }

  /** Secrets from {@code env} (usually {@link System#getenv()}), everything else as configured. */
  public static SlackSettings fromEnvironment(Map<String, String> env, URI apiUrl, String httpHost, int httpPort,
      Map<String, String> commandNames, Collection<String> managers) {
    return new SlackSettings(
        Optional.ofNullable(env.get(BOT_TOKEN_VARIABLE)),
        Optional.ofNullable(env.get(APP_TOKEN_VARIABLE)),
        Optional.ofNullable(env.get(SIGNING_SECRET_VARIABLE)),
        apiUrl, httpHost, httpPort, commandNames, Set.copyOf(managers),
        Optional.ofNullable(env.get(CLIENT_ID_VARIABLE)), Optional.ofNullable(env.get(CLIENT_SECRET_VARIABLE)));
  }

  /**
   * Whether the app is distributed: installed per workspace through the OAuth flow, each
   * workspace's token stored in the database ({@code SLACK_CLIENT_ID} and {@code SLACK_CLIENT_SECRET}).
   */
  public boolean distributed() {
    return clientId.isPresent() && clientSecret.isPresent();
  }

  /** Secrets from {@code env}, Slack's own API, HTTP mode on 0.0.0.0:3000, default command names. */
  public static SlackSettings fromEnvironment(Map<String, String> env) {
    return fromEnvironment(env, DEFAULT_API_URL, "0.0.0.0", 3000, Map.of(), Set.of());
  }

  /** The mode these secrets select; empty when the adapter cannot start (see {@link #missing()}). */
  public Optional<Mode> mode() {
    if (missing().isPresent()) {
      return Optional.empty();
    }
    return Optional.of(appToken.isPresent() && !distributed() ? Mode.SOCKET : Mode.HTTP);
  }

  /**
   * Why the adapter cannot start, naming the environment variable to set; empty when it can.
   * {@code run} prints this and goes on without Slack.
   */
  public Optional<String> missing() {
    if (clientId.isPresent() != clientSecret.isPresent()) {
      return Optional.of((clientId.isPresent() ? CLIENT_SECRET_VARIABLE : CLIENT_ID_VARIABLE) + " is not set; "
          + CLIENT_ID_VARIABLE + " and " + CLIENT_SECRET_VARIABLE + " together make the app installable in many workspaces");
    }
    if (distributed()) {
      // the OAuth redirect and the events of many workspaces arrive over HTTP
      return signingSecret.isPresent() ? Optional.empty() : Optional.of(SIGNING_SECRET_VARIABLE
          + " is not set; a distributed app (" + CLIENT_ID_VARIABLE + ") runs in HTTP mode and needs it");
    }
    if (botToken.isPresent() && botToken.get().startsWith("xapp-")) {
      return Optional.of(BOT_TOKEN_VARIABLE + " holds an app-level token (xapp-…); it needs the bot token (xoxb-…)"
          + " and " + APP_TOKEN_VARIABLE + " the app-level one");
    }
    if (appToken.isPresent() && appToken.get().startsWith("xoxb-")) {
      return Optional.of(APP_TOKEN_VARIABLE + " holds a bot token (xoxb-…); it needs an app-level token (xapp-…)"
          + " with the connections:write scope");
    }
    if (botToken.isEmpty()) {
      return Optional.of(BOT_TOKEN_VARIABLE + " is not set"
          + (appToken.isEmpty() && signingSecret.isEmpty()
              ? " (nor " + APP_TOKEN_VARIABLE + " for Socket Mode or " + SIGNING_SECRET_VARIABLE + " for HTTP mode)"
              : ""));
    }
    if (appToken.isEmpty() && signingSecret.isEmpty()) {
      return Optional.of(APP_TOKEN_VARIABLE + " (Socket Mode) or " + SIGNING_SECRET_VARIABLE
          + " (HTTP mode) is not set; " + BOT_TOKEN_VARIABLE + " alone cannot receive commands");
    }
    return Optional.empty();
  }

  /** The slash command (with slash) that runs {@code command} in Slack, after any rename. */
  public String slashCommand(String command) {
    return "/" + commandNames.getOrDefault(command, command);
  }

  /** Whether the allow-list names this user, everywhere or in this workspace. */
  public boolean allowListed(String teamId, String userId) {
    return managers.contains(userId) || managers.contains(teamId + ":" + userId);
  }

  /** Never prints the secrets, only whether they are set. */
  @Override
  public String toString() {
    return "SlackSettings[botToken=" + (botToken.isPresent() ? "set" : "unset")
        + ", appToken=" + (appToken.isPresent() ? "set" : "unset")
        + ", signingSecret=" + (signingSecret.isPresent() ? "set" : "unset")
        + ", clientId=" + clientId.orElse("unset") + ", clientSecret=" + (clientSecret.isPresent() ? "set" : "unset")
        + ", apiUrl=" + apiUrl + ", http=" + httpHost + ":" + httpPort
        + ", commandNames=" + commandNames + ", managers=" + managers.size() + "]";
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return Objects.requireNonNull(value, "secret").map(String::strip).filter(s -> !s.isEmpty());
  }
}
