package io.paperboy.discord;

/**
 * Discord could not be started, said in one line for an operator: the platform, the host, what
 * went wrong and what to check. {@link #retryable()} tells whether trying again later can help (a
 * network failure) or not (a refused token).
 */
public final class DiscordUnavailable extends IllegalStateException {

  private final boolean retryable;

  DiscordUnavailable(DiscordSettings settings, String what, String check, boolean retryable) {
    super("Discord at " + settings.apiUrl() + ": " + what + "; " + check);
    this.retryable = retryable;
  }

  DiscordUnavailable(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
