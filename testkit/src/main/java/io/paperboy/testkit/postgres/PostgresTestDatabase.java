package io.paperboy.testkit.postgres;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A schema of its own on the machine's real PostgreSQL server, for one test class:
 *
 * <pre>{@code
 * @RegisterExtension static final PostgresTestDatabase pg = new PostgresTestDatabase();
 * ... SomeStores.open(pg.paperboyUrl()) ...
 * }</pre>
 *
 * <p>The server is {@code PAPERBOY_TEST_POSTGRES} (default {@code
 * postgresql://127.0.0.1:5432/test}; user and password may be in the URL, else user {@code
 * postgres}, trust authentication). Before the class's first test a schema {@code
 * pb_<class>_<random>} is created; after its last it is dropped with everything in it. When no
 * server answers, the class is skipped with one line saying why — except under {@code CI=true},
 * where it fails, so CI proves the PostgreSQL path every time.
 */
public final class PostgresTestDatabase implements BeforeAllCallback, AfterAllCallback {

  public static final String ENV = "PAPERBOY_TEST_POSTGRES";
  public static final String DEFAULT_URL = "postgresql://127.0.0.1:5432/test";

  private final Server server = Server.fromEnvironment();
  private String schema;

  @Override
  public void beforeAll(ExtensionContext context) {
    String owner = context.getRequiredTestClass().getSimpleName();
    String name = "pb_" + owner.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")
        + "_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    try (Connection c = server.connect(null); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    } catch (SQLException e) {
      String why = "PostgreSQL at " + server.display() + " did not answer (" + e.getMessage()
          + "); set " + ENV + " to a reachable server";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true needs PostgreSQL: " + why, e);
      }
      System.err.println("[skipped] " + owner + ": " + why);
      Assumptions.abort(why);
    }
    schema = name;
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    if (schema == null) {
      return;
    }
    try (Connection c = server.connect(null); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } finally {
      schema = null;
    }
  }

  /** This class's schema; only between the first and last test. */
  public String schema() {
    if (schema == null) {
      throw new IllegalStateException("no schema: the extension has not run (use @RegisterExtension on a static field)");
    }
    return schema;
  }

  /** The JDBC URL of this class's schema ({@code jdbc:postgresql://…?currentSchema=…}). */
  public String jdbcUrl() {
    return server.jdbcUrl(schema());
  }

  /**
   * The database setting Paperboy takes ({@code --db} / {@code PAPERBOY_DB}) for this class's
   * schema: {@code postgresql://user@host:port/db?currentSchema=…}.
   */
  public String paperboyUrl() {
    return server.paperboyUrl(schema());
  }

  public String user() {
    return server.user;
  }

  public String password() {
    return server.password;
  }

  /** A new connection to this class's schema; the caller closes it. */
  public Connection connect() throws SQLException {
    return server.connect(schema());
  }

  /** The server from the environment, parsed once. */
  private record Server(String host, int port, String database, String user, String password) {

    static Server fromEnvironment() {
      String raw = System.getenv(ENV);
      URI uri = URI.create(raw == null || raw.isBlank() ? DEFAULT_URL : raw.trim().replaceFirst("^jdbc:", ""));
      String user = "postgres";
      String password = null;
      if (uri.getUserInfo() != null) {
        String[] parts = uri.getUserInfo().split(":", 2);
        user = parts[0];
        password = parts.length > 1 ? parts[1] : null;
      }
      String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "test" : uri.getPath().substring(1);
      return new Server(uri.getHost() == null ? "127.0.0.1" : uri.getHost(),
          uri.getPort() < 0 ? 5432 : uri.getPort(), db, user, password);
    }

    String display() {
      return host + ":" + port + "/" + database;
    }

    String jdbcUrl(String schema) {
      return "jdbc:postgresql://" + host + ":" + port + "/" + database
          + (schema == null ? "" : "?currentSchema=" + schema);
    }

    String paperboyUrl(String schema) {
      String auth = user + (password == null ? "" : ":" + password) + "@";
      return "postgresql://" + auth + host + ":" + port + "/" + database + "?currentSchema=" + schema;
    }

    Connection connect(String schema) throws SQLException {
      Properties p = new Properties();
      p.setProperty("user", user);
      if (password != null) {
        p.setProperty("password", password);
      }
      p.setProperty("connectTimeout", "5");
      return DriverManager.getConnection(jdbcUrl(schema), p);
    }
  }
}
