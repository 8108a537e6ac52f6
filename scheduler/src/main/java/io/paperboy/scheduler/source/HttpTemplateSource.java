package io.paperboy.scheduler.source;

import io.paperboy.store.Digest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A markdown digest published at a URL that names the date, e.g.
 * {@code https://host/daily/{yyyy}/{MM}/{dd}.md} or {@code https://host/{date}.md}.
 *
 * <ul>
 *   <li>200: the body (at most {@value DigestSources#MAX_DIGEST_BYTES} bytes, enforced while
 *       reading) goes to the reader; a refusal is a transient failure, since a proxy's error page
 *       or a half-published file look the same from here.</li>
 *   <li>304 to a conditional GET ({@code If-None-Match} / {@code If-Modified-Since} from the last
 *       200 that held a digest): {@link FetchResult.Unchanged}.</li>
 *   <li>404 and 410: not published yet. 429 and 5xx, timeouts, connection errors, truncated
 *       bodies: transient failures ({@code Retry-After} is reported). Other 4xx: permanent.</li>
 * </ul>
 *
 * Redirects and connect timeouts are the business of the {@link HttpClient} passed in.
 */
public final class HttpTemplateSource implements DigestSource {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Set<String> KNOWN = Set.of("yyyy", "MM", "dd", "date");
  private static final String ACCEPT = "text/markdown, text/plain;q=0.9, */*;q=0.1";

  private final String template;
  private final MarkdownDigestReader reader;
  private final ConditionalGet http;

  public HttpTemplateSource(String template, HttpClient client, Duration timeout, MarkdownDigestReader reader) {
    this(template, client, timeout, reader, Clock.systemUTC());
  }

  /** As above, with the clock used to read {@code Retry-After} dates. */
  public HttpTemplateSource(String template, HttpClient client, Duration timeout, MarkdownDigestReader reader,
      Clock clock) {
    this.template = Objects.requireNonNull(template, "template");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.http = new ConditionalGet(client, timeout, clock, ACCEPT);
    validate(template);
  }

  @Override
  public String name() {
    return "http:" + template;
  }

  /** The URL of the digest of {@code date}. */
  public URI url(LocalDate date) {
    return URI.create(expand(template, date));
  }

  @Override
  public FetchResult fetch(LocalDate date) {
    URI uri = url(date);
    return http.fetch(uri, date, body -> {
      Digest digest;
      try {
        digest = reader.read(uri.toString(), body);
      } catch (Exception e) {
        return new FetchResult.Failed(Messages.refusal(uri.toString(), e)
            + " (refused; will ask again in case it was an error page or a half-published file)", true);
      }
      return new FetchResult.Found(digest, uri.toString());
    });
  }

  @Override
  public void invalidate(LocalDate date) {
    http.forget(url(date));
  }

  private static String expand(String template, LocalDate date) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value;
      switch (m.group(1)) {
        case "yyyy":
          value = String.format(Locale.ROOT, "%04d", date.getYear());
          break;
        case "MM":
          value = String.format(Locale.ROOT, "%02d", date.getMonthValue());
          break;
        case "dd":
          value = String.format(Locale.ROOT, "%02d", date.getDayOfMonth());
          break;
        case "date":
          value = date.toString();
          break;
        default:
          throw new IllegalStateException("unchecked placeholder " + m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void validate(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!KNOWN.contains(m.group(1))) {
        throw new IllegalArgumentException("URL template '" + template + "': unknown placeholder " + m.group()
            + " (known: {yyyy}, {MM}, {dd}, {date})");
      }
    }
    String sample = expand(template, LocalDate.of(2024, 6, 7));
    URI uri;
    try {
      uri = new URI(sample);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("URL template '" + template + "' does not make a valid URL: "
          + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException("URL template '" + template + "' must be an http:// or https:// URL"
          + " with a host");
    }
  }
}
