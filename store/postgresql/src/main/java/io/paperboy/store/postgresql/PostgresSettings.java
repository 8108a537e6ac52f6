package io.paperboy.store.postgresql;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the PostgreSQL database is and who connects, read from the database setting
 * ({@code --db}, YAML {@code db:}, {@code PAPERBOY_DB}): {@code postgresql://[user[:password]@]host[:port]/name[?currentSchema=x&…]}
 * ({@code jdbc:} in front is accepted too). The user and password come from the URL, or else
 * from {@code PAPERBOY_DB_USER} / {@code PAPERBOY_DB_PASSWORD}.
 *
 * <p>The password is never shown: {@link #toString()} and {@link #display()} leave it out, and
 * {@link #mask(String)} removes credentials from any text (an error message that quotes the URL).
 * Other URL parameters are handed to pgJDBC as they are.
 *
 * @param host     host, or {@code host:port}, as pgJDBC takes it
 * @param database the database name
 * @param schema   the schema everything lives in ({@code currentSchema}); empty for the server's default
 * @param user     the role to connect as; empty lets pgJDBC choose (the OS user)
 * @param password empty with trust or peer authentication
 * @param options  other URL parameters, for pgJDBC
 */
public record PostgresSettings(String host, String database, Optional<String> schema, Optional<String> user,
    Optional<String> password, Map<String, String> options) {

  public static final String USER_ENV = "PAPERBOY_DB_USER";
  public static final String PASSWORD_ENV = "PAPERBOY_DB_PASSWORD";

  private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
  private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)(postgres(?:ql)?://)([^/@\\s]*)@");
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&\\s]*");

  public PostgresSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    options = Map.copyOf(options);
    schema.ifPresent(s -> {
      if (!SCHEMA_NAME.matcher(s).matches()) {
        throw new IllegalArgumentException("currentSchema '" + s + "' is not a plain schema name (letters, digits, _)");
      }
    });
  }

  /** Whether a database setting names a PostgreSQL database rather than a SQLite file. */
  public static boolean isPostgresUrl(String setting) {
    String s = setting.strip().toLowerCase(java.util.Locale.ROOT);
    return s.startsWith("postgresql://") || s.startsWith("postgres://") || s.startsWith("jdbc:postgresql://");
  }

  /** Reads a database URL, taking missing credentials from the process environment. */
  public static PostgresSettings parse(String url) {
    return parse(url, System.getenv());
  }

  /**
   * Reads a database URL, taking missing credentials from {@code env}.
   *
   * @throws IllegalArgumentException saying what is wrong with the URL (never quoting its password)
   */
  public static PostgresSettings parse(String url, Map<String, String> env) {
    Objects.requireNonNull(url, "url");
    String raw = url.strip().replaceFirst("^(?i)jdbc:", "");
    if (!isPostgresUrl(raw)) {
      throw new IllegalArgumentException("'" + mask(url) + "' is not a postgresql:// URL");
    }
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("database URL " + mask(url) + " is malformed: " + mask(e.getReason()), e);
    }
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty() || authority.endsWith("@")) {
      throw new IllegalArgumentException("database URL " + mask(url) + " names no host (postgresql://host:5432/name)");
    }
    String hostPart = authority.contains("@") ? authority.substring(authority.lastIndexOf('@') + 1) : authority;
    String path = uri.getRawPath();
    if (path == null || path.length() <= 1) {
      throw new IllegalArgumentException("database URL " + mask(url) + " names no database (postgresql://host:5432/name)");
    }
    String database = decode(path.substring(1));
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = Optional.of(decode(parts[0])).filter(u -> !u.isEmpty());
      password = parts.length > 1 ? Optional.of(decode(parts[1])) : Optional.empty();
    }
    Map<String, String> options = new LinkedHashMap<>();
    Optional<String> schema = Optional.empty();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        String[] kv = pair.split("=", 2);
        String key = decode(kv[0]);
        String value = kv.length > 1 ? decode(kv[1]) : "";
        switch (key) {
          case "currentSchema" -> schema = Optional.of(value).filter(v -> !v.isEmpty());
          case "user" -> user = user.or(() -> Optional.of(value).filter(v -> !v.isEmpty()));
          case "password" -> password = password.or(() -> Optional.of(value));
          default -> options.put(key, value);
        }
      }
    }
    if (user.isEmpty()) {
      user = Optional.ofNullable(env.get(USER_ENV)).filter(u -> !u.isBlank());
    }
    if (password.isEmpty()) {
      password = Optional.ofNullable(env.get(PASSWORD_ENV)).filter(p -> !p.isEmpty());
    }
    return new PostgresSettings(hostPart, database, schema, user, password, options);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** These settings on another schema (tests, {@code db copy} into a fresh schema). */
  public PostgresSettings withSchema(String other) {
    return new PostgresSettings(host, database, Optional.of(other), user, password, options);
  }

  /** The JDBC URL, without credentials (they travel as connection properties). */
  public String jdbcUrl() {
    StringBuilder sb = new StringBuilder("jdbc:postgresql://").append(host).append('/').append(database);
    char sep = '?';
    if (schema.isPresent()) {
      sb.append(sep).append("currentSchema=").append(schema.get());
      sep = '&';
    }
    for (Map.Entry<String, String> o : options.entrySet()) {
      if (o.getKey().equals("poolSize")) {
        continue; // this adapter's own option, not pgJDBC's
      }
      sb.append(sep).append(o.getKey()).append('=').append(o.getValue());
      sep = '&';
    }
    return sb.toString();
  }

  /**
   * The database setting that names these settings again, every option included but the password
   * (which then has to come from {@code PAPERBOY_DB_PASSWORD}): for handing a database to another
   * process or component without writing a secret into a URL.
   */
  public String urlWithoutPassword() {
    StringBuilder sb = new StringBuilder(display());
    char sep = schema.isPresent() ? '&' : '?';
    for (Map.Entry<String, String> o : options.entrySet()) {
      sb.append(sep).append(o.getKey()).append('=').append(o.getValue());
      sep = '&';
    }
    return sb.toString();
  }

  /** {@code postgresql://user@host:5432/name?currentSchema=x}: the database as logs and errors name it. */
  public String display() {
    return "postgresql://" + user.map(u -> u + "@").orElse("") + host + "/" + database
        + schema.map(s -> "?currentSchema=" + s).orElse("");
  }

  /**
   * {@code text} with every credential a database URL may carry replaced by {@code ***}: the
   * user-info part of {@code postgresql://user:secret@host} (the user stays) and
   * {@code password=} parameters. For messages that may quote what a user typed.
   */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String out = URL_CREDENTIALS.matcher(text).replaceAll(m -> {
      String info = m.group(2);
      int colon = info.indexOf(':');
      String shown = colon < 0 ? info : info.substring(0, colon) + ":***";
      return java.util.regex.Matcher.quoteReplacement(m.group(1) + shown + "@");
    });
    return PASSWORD_PARAMETER.matcher(out).replaceAll("$1***");
  }

  /** {@code text} with this password, wherever it appears, and any URL credentials masked. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    if (password.isPresent() && !password.get().isEmpty()) {
      out = out.replace(password.get(), "***");
    }
    return mask(out);
  }

  @Override
  public String toString() {
    return "PostgresSettings[" + display() + (password.isPresent() ? ", password ***" : "") + "]";
  }
}
