package io.paperboy.scheduler.digest;

import java.util.Objects;

/**
 * A file that is not a digest, refused as a whole. The message is exactly {@code file:line: reason}
 * so that editors and terminals can jump to the spot; problems of the whole file (its size, its
 * lack of papers, an unreadable file) point at line 1.
 */
public final class DigestRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String reason;

  public DigestRejectedException(String source, int line, String reason) {
    super(Objects.requireNonNull(source, "source") + ":" + line + ": " + Objects.requireNonNull(reason, "reason"));
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1, was " + line);
    }
    this.source = source;
    this.line = line;
    this.reason = reason;
  }

  /** The file path or URL that was refused. */
  public String source() {
    return source;
  }

  /** The 1-based line of the problem (1 for problems of the whole file). */
  public int line() {
    return line;
  }

  /** Why the file was refused, without the location. */
  public String reason() {
    return reason;
  }
}
