package io.paperboy.bot.config;

import java.util.List;
import java.util.Map;

/**
 * Slack endpoints and command settings.
 *
 * @param apiUrl       Web API base URL, ending in {@code /api/}
 * @param httpHost     address the HTTP-mode server binds (HTTP mode only)
 * @param httpPort     port of the HTTP-mode server ({@code /slack/events})
 * @param commandNames slash-command name per command, where the default collides with another app
 *                     ({@code search: papersearch})
 * @param managers     user ids allowed to run manager-only commands besides admins and owners
 */
public record SlackConfig(
    String apiUrl,
    String httpHost,
    Integer httpPort,
    Map<String, String> commandNames,
    List<String> managers) {

  public SlackConfig {
    apiUrl = apiUrl == null ? "https://slack.com/api/" : apiUrl;
    httpHost = httpHost == null ? "0.0.0.0" : httpHost;
    httpPort = httpPort == null ? 3000 : httpPort;
    commandNames = commandNames == null ? Map.of() : Map.copyOf(commandNames);
    managers = managers == null ? List.of() : List.copyOf(managers);
    Urls.check("slack.api-url", apiUrl, "http", "https");
    if (httpPort < 0 || httpPort > 65535) {
      throw new ConfigException("slack.http-port", httpPort + " is not a TCP port (0-65535)");
    }
    for (String user : managers) {
      PlatformIds.slackUserProblem(user).ifPresent(problem -> {
        throw new ConfigException("slack.managers", problem);
      });
    }
    for (Map.Entry<String, String> e : commandNames.entrySet()) {
      if (!e.getValue().matches("[a-z0-9_-]{1,32}")) {
        throw new ConfigException("slack.command-names",
            Quoting.quote(e.getValue()) + " (for " + e.getKey() + ") is not a valid slash-command name");
      }
    }
  }
}
