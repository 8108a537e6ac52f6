package io.paperboy.scheduler.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds sources from configuration strings, one per source, in priority order:
 *
 * <ul>
 *   <li>{@code folder:PATH} — a {@link FolderSource} (relative paths are relative to the working folder);</li>
 *   <li>{@code http:URL-TEMPLATE}, or the template alone ({@code https://host/{yyyy}/{MM}/{dd}.md}) —
 *       an {@link HttpTemplateSource};</li>
 *   <li>{@code hf} or {@code hf:BASE-URL} — a {@link HuggingFaceSource} ({@code https://huggingface.co}
 *       when no base is given).</li>
 * </ul>
 */
public final class DigestSources {

  /** No real digest comes near this; anything larger is refused before it is read whole. */
  public static final long MAX_DIGEST_BYTES = 5L * 1024 * 1024;

  /** The sources used when none are configured. */
  public static final List<String> DEFAULT_SPECS = List.of("folder:seeds", "folder:data/inbox");

  private static final String FORMS = "expected folder:PATH, http:URL-TEMPLATE (or a bare http(s):// URL template)"
      + " or hf[:BASE-URL]";

  private DigestSources() {}

  /**
   * Parses {@code specs} in order.
   *
   * @param reader  reads markdown digests (the real parser, {@code parser::parse})
   * @param client  the HTTP client for URL and Hugging Face sources (its connect timeout and
   *                redirect policy apply)
   * @param timeout the deadline for one whole HTTP exchange, headers and body
   * @throws IllegalArgumentException naming the bad spec, its position and the accepted forms
   */
  public static List<DigestSource> parse(List<String> specs, MarkdownDigestReader reader, HttpClient client,
      Duration timeout) {
    Objects.requireNonNull(specs, "specs");
    List<DigestSource> sources = new ArrayList<>(specs.size());
    for (int i = 0; i < specs.size(); i++) {
      String spec = specs.get(i);
      try {
        sources.add(parse(spec, reader, client, timeout));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("digest source #" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(sources);
  }

  /** Parses one spec; see {@link #parse(List, MarkdownDigestReader, HttpClient, Duration)}. */
  public static DigestSource parse(String spec, MarkdownDigestReader reader, HttpClient client, Duration timeout) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("empty spec; " + FORMS);
    }
    String s = spec.strip();
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return new HttpTemplateSource(s, client, timeout, reader);
    }
    if (lower.equals("hf")) {
      return new HuggingFaceSource(HuggingFaceSource.DEFAULT_BASE_URL, client, timeout);
    }
    int colon = s.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("'" + spec + "' has no kind; " + FORMS);
    }
    String kind = lower.substring(0, colon);
    String value = s.substring(colon + 1).strip();
    switch (kind) {
      case "folder":
        if (value.isEmpty()) {
          throw new IllegalArgumentException("'" + spec + "': folder path missing; " + FORMS);
        }
        try {
          return new FolderSource(Path.of(value), reader);
        } catch (InvalidPathException e) {
          throw new IllegalArgumentException("'" + spec + "': bad folder path: " + e.getMessage(), e);
        }
      case "http":
        if (value.isEmpty()) {
          throw new IllegalArgumentException("'" + spec + "': URL template missing; " + FORMS);
        }
        return new HttpTemplateSource(value, client, timeout, reader);
      case "hf":
        if (value.isEmpty()) {
          return new HuggingFaceSource(HuggingFaceSource.DEFAULT_BASE_URL, client, timeout);
        }
        try {
          return new HuggingFaceSource(new URI(value), client, timeout);
        } catch (URISyntaxException e) {
          throw new IllegalArgumentException("'" + spec + "': bad base URL: " + e.getMessage(), e);
        }
      default:
        throw new IllegalArgumentException("'" + spec + "': unknown kind '" + kind + "'; " + FORMS);
    }
  }
}
