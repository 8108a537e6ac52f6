package io.paperboy.bot.config;

/**
 * Limits on keyword alerts.
 *
 * @param maxPerWorkspace   alerts one guild or workspace may hold
 * @param maxPerUser        alerts one user may create in a workspace
 * @param commandsPerMinute {@code /alert} commands one user may run per minute
 */
public record AlertsConfig(Integer maxPerWorkspace, Integer maxPerUser, Integer commandsPerMinute) {

  public AlertsConfig {
    maxPerWorkspace = maxPerWorkspace == null ? 100 : maxPerWorkspace;
    maxPerUser = maxPerUser == null ? 20 : maxPerUser;
    commandsPerMinute = commandsPerMinute == null ? 10 : commandsPerMinute;
    if (maxPerWorkspace < 1) {
      throw new ConfigException("alerts.max-per-workspace", "must be at least 1, was " + maxPerWorkspace);
    }
    if (maxPerUser < 1) {
      throw new ConfigException("alerts.max-per-user", "must be at least 1, was " + maxPerUser);
    }
    if (commandsPerMinute < 1) {
      throw new ConfigException("alerts.commands-per-minute", "must be at least 1, was " + commandsPerMinute);
    }
  }

  public static AlertsConfig defaults() {
    return new AlertsConfig(null, null, null);
  }
}
