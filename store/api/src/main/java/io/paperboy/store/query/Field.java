package io.paperboy.store.query;

import java.util.Locale;
import java.util.Optional;

/** The searchable fields of a paper; a term without a field prefix looks in all of them. */
public enum Field {
  TITLE("title"),
  AUTHORS("authors"),
  SUMMARY("summary");

  private final String column;

  Field(String column) {
    this.column = column;
  }

  /** The full-text index column of this field. */
  public String column() {
    return column;
  }

  /** The field a query prefix names ({@code title}, {@code author}/{@code authors}, {@code summary}). */
  static Optional<Field> ofPrefix(String prefix) {
    return switch (prefix.toLowerCase(Locale.ROOT)) {
      case "title" -> Optional.of(TITLE);
      case "author", "authors" -> Optional.of(AUTHORS);
      case "summary" -> Optional.of(SUMMARY);
      default -> Optional.empty();
    };
  }
}
