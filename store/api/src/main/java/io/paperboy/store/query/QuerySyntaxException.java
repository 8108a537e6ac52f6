package io.paperboy.store.query;

/** A query that cannot be parsed; says what is wrong and at which character. */
public final class QuerySyntaxException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String query;
  private final int position;
  private final String reason;

  /**
   * @param query    the whole query
   * @param position 0-based index of the offending character
   * @param reason   what is wrong there
   */
  public QuerySyntaxException(String query, int position, String reason) {
    super("position " + (position + 1) + ": " + reason);
    this.query = query;
    this.position = position;
    this.reason = reason;
  }

  /** 0-based index of the offending character. */
  public int position() {
    return position;
  }

  public String reason() {
    return reason;
  }

  /** The query with a caret under the offending character, for a monospace answer. */
  public String pointer() {
    return query + "\n" + " ".repeat(Math.max(0, position)) + "^";
  }
}
