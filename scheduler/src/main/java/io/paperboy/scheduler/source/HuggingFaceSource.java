package io.paperboy.scheduler.source;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The Hugging Face daily-papers API: {@code GET {base}/api/daily_papers?date=YYYY-MM-DD}, a JSON
 * array mapped to a digest by {@link HuggingFaceDigestMapper} (ranked by upvotes). The HTTP rules
 * are those of {@link HttpTemplateSource}; an empty array means "not yet".
 *
 * <p>Two things about the API worth knowing. It answers 400 to a date it regards as the future,
 * and it reckons days in UTC — so asking for today's Seoul date before 09:00 KST is "not yet",
 * not an error. And a day's list fills up while that UTC day lasts: a digest read early may lack
 * papers submitted later that day.
 */
public final class HuggingFaceSource implements DigestSource {

  public static final URI DEFAULT_BASE_URL = URI.create("https://huggingface.co");

  private final String base;
  private final Clock clock;
  private final ConditionalGet http;

  public HuggingFaceSource(URI baseUrl, HttpClient client, Duration timeout) {
    this(baseUrl, client, timeout, Clock.systemUTC());
  }

  /** As above, with the clock that tells a future date from a past one and reads {@code Retry-After}. */
  public HuggingFaceSource(URI baseUrl, HttpClient client, Duration timeout, Clock clock) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme();
    if (!(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || baseUrl.getHost() == null
        || baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
      throw new IllegalArgumentException("Hugging Face base URL '" + baseUrl
          + "' must be an http:// or https:// URL with a host and no query, e.g. " + DEFAULT_BASE_URL);
    }
    String text = baseUrl.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.http = new ConditionalGet(client, timeout, clock, "application/json");
  }

  @Override
  public String name() {
    return "hf:" + base;
  }

  /** The API URL of the papers of {@code date}. */
  public URI url(LocalDate date) {
    return URI.create(base + "/api/daily_papers?date=" + date);
  }

  @Override
  public FetchResult fetch(LocalDate date) {
    URI uri = url(date);
    ConditionalGet.Answer answer = http.exchange(uri);
    if (answer instanceof ConditionalGet.Status status && status.code() == 400
        && !date.isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
      return new FetchResult.NotYet(uri + ": HTTP 400; the API refuses dates it has not reached yet (it counts"
          + " days in UTC)");
    }
    return http.interpret(uri, date, answer, body -> HuggingFaceDigestMapper.map(uri.toString(), date, body));
  }

  @Override
  public void invalidate(LocalDate date) {
    http.forget(url(date));
  }
}
