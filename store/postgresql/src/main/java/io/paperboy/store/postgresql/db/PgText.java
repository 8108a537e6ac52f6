package io.paperboy.store.postgresql.db;

/**
 * Text as PostgreSQL stores it. PostgreSQL's {@code text} and {@code jsonb} cannot hold U+0000,
 * which a digest may carry (the SQLite backend keeps it), so NUL is stored as U+FFFE followed by
 * {@code 0}, and U+FFFE itself as U+FFFE {@code e}: a noncharacter no real text uses, so the
 * stored form of ordinary text is the text itself. Applied to every free-text value the stores
 * write and read back.
 */
public final class PgText {

  private static final char ESCAPE = '\uFFFE';

  private PgText() {}

  public static String store(String text) {
    if (text == null || text.indexOf('\0') < 0 && text.indexOf(ESCAPE) < 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        sb.append(ESCAPE).append('0');
      } else if (c == ESCAPE) {
        sb.append(ESCAPE).append('e');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  public static String load(String stored) {
    if (stored == null || stored.indexOf(ESCAPE) < 0) {
      return stored;
    }
    StringBuilder sb = new StringBuilder(stored.length());
    for (int i = 0; i < stored.length(); i++) {
      char c = stored.charAt(i);
      if (c == ESCAPE && i + 1 < stored.length()) {
        char next = stored.charAt(++i);
        sb.append(next == '0' ? '\0' : next == 'e' ? ESCAPE : next);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
