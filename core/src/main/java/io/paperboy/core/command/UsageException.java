package io.paperboy.core.command;

/** A command was called with arguments it cannot take; the message says what and how to fix it. */
public final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String usage;

  public UsageException(String message, String usage) {
    super(message);
    this.usage = usage;
  }

  /** The command's usage line(s), e.g. {@code /top [today|week|…] [n]}. */
  public String usage() {
    return usage;
  }
}
