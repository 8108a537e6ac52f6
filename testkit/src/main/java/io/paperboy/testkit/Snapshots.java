package io.paperboy.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reviewed snapshots of rendered payloads (after JDA's {@code AbstractSnapshotTest}): a test
 * renders something to JSON and this compares it with the file stored under
 * {@code src/test/resources/<folder>/<name>}. The comparison is of JSON values, so key order and
 * whitespace do not matter; a difference fails with the first differing line of both, printed
 * with sorted keys.
 *
 * <p>After an intended change in rendering, run the tests with
 * {@code -Dpaperboy.updateSnapshots=true}: every snapshot that differs (or is missing) is
 * rewritten from what was rendered, and the test passes. Then read the diff and commit it — that
 * review is the point.
 */
public final class Snapshots {

  /** The system property that rewrites snapshots instead of comparing with them. */
  public static final String UPDATE_PROPERTY = "paperboy.updateSnapshots";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper SORTED = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final String folder;

  private Snapshots(String folder) {
    this.folder = Objects.requireNonNull(folder, "folder");
  }

  /** The snapshots in {@code src/test/resources/<folder>/} (read from the test class path). */
  public static Snapshots in(String folder) {
    return new Snapshots(folder);
  }

  /**
   * Passes when {@code renderedJson} is the same JSON value as snapshot {@code name}.
   *
   * @throws AssertionError naming the snapshot and the first difference, or saying how to create it
   */
  public void assertMatches(String name, String renderedJson) {
    String resource = folder + "/" + name;
    JsonNode actual = parse(renderedJson, "the rendered JSON for " + resource);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      rewrite(resource, renderedJson, actual);
      return;
    }
    String stored = read(resource);
    if (stored == null) {
      throw new AssertionError("no snapshot " + resource + " on the test class path; create it with -D"
          + UPDATE_PROPERTY + "=true, then review and commit src/test/resources/" + resource);
    }
    JsonNode expected = parse(stored, "snapshot " + resource);
    if (!expected.equals(actual)) {
      throw new AssertionError("rendering differs from snapshot " + resource + "; if the change is intended, rerun with -D"
          + UPDATE_PROPERTY + "=true and review the diff\n" + firstDifference(sorted(expected), sorted(actual)));
    }
  }

  private void rewrite(String resource, String renderedJson, JsonNode actual) {
    String stored = read(resource);
    if (stored != null && parse(stored, "snapshot " + resource).equals(actual)) {
      return;
    }
    // Maven runs a module's tests in the module's directory: the source tree, not target/
    Path file = Path.of("src", "test", "resources").resolve(resource);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, renderedJson.strip() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write snapshot " + file.toAbsolutePath(), e);
    }
  }

  private static String read(String resource) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = (loader != null ? loader : Snapshots.class.getClassLoader()).getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read snapshot " + resource, e);
    }
  }

  private static JsonNode parse(String json, String what) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError(what + " is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String sorted(JsonNode node) {
    try {
      return SORTED.writeValueAsString(JSON.treeToValue(node, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print JSON", e);
    }
  }

  /** The first line where the two differ, with its number, from both sides. */
  static String firstDifference(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    int i = 0;
    while (i < e.length && i < a.length && e[i].equals(a[i])) {
      i++;
    }
    return "first difference at line " + (i + 1) + " (keys sorted):\n  snapshot: "
        + (i < e.length ? e[i].strip() : "<end>") + "\n  rendered: " + (i < a.length ? a[i].strip() : "<end>");
  }
}
