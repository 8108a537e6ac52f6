package io.paperboy.bot.config;

/** A configuration problem; the message names the key and where its value came from. */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String key;

  public ConfigException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The dotted key ({@code slack.http-port}), or empty when the problem is not one key's. */
  public String key() {
    return key;
  }
}
