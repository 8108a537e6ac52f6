package io.paperboy.scheduler.source;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP half shared by the URL-template and Hugging Face sources: one GET with the validators
 * ({@code ETag}, {@code Last-Modified}) of the last good answer for that URL, a whole-exchange
 * deadline, a body cap enforced while reading, and the mapping of statuses to {@link FetchResult}s.
 */
final class ConditionalGet {

  static final String USER_AGENT = "Paperboy (daily AI-papers digest bot)";

  /** What came back, before the caller has looked at the body. */
  sealed interface Answer permits Body, NotModified, Status, Trouble {}

  record Body(byte[] bytes, Optional<String> etag, Optional<String> lastModified) implements Answer {}

  record NotModified() implements Answer {}

  /** Any status other than 200 and 304. */
  record Status(int code, Optional<Duration> retryAfter, Optional<String> location) implements Answer {}

  /** No usable answer: timeout, connection trouble, a truncated or oversized body. */
  record Trouble(String reason, boolean transientFailure) implements Answer {}

  /** Turns a 200 body into a result: {@link FetchResult.Found} when it is a digest. */
  @FunctionalInterface
  interface BodyReader {
    FetchResult read(byte[] body);
  }

  /** Validators of the last body that was read successfully, and the date of the digest it held. */
  private record Remembered(Optional<String> etag, Optional<String> lastModified, LocalDate digestDate) {}

  private final HttpClient client;
  private final Duration timeout;
  private final Clock clock;
  private final String accept;
  private final Map<URI, Remembered> remembered = new HashMap<>();

  ConditionalGet(HttpClient client, Duration timeout, Clock clock, String accept) {
    this.client = Objects.requireNonNull(client, "client");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.accept = Objects.requireNonNull(accept, "accept");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
  }

  /** GETs {@code uri} and interprets the answer with the standard status rules. */
  synchronized FetchResult fetch(URI uri, LocalDate date, BodyReader reader) {
    return interpret(uri, date, exchange(uri), reader);
  }

  /** One GET, conditional when a previous body of {@code uri} was read successfully. */
  synchronized Answer exchange(URI uri) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(timeout)
        .header("Accept", accept).header("User-Agent", USER_AGENT);
    Remembered last = remembered.get(uri);
    if (last != null) {
      last.etag().ifPresent(v -> request.header("If-None-Match", v));
      last.lastModified().ifPresent(v -> request.header("If-Modified-Since", v));
    }
    CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request.build(), this::subscriber);
    try {
      // the request timeout only covers the wait for headers; this deadline also bounds a stalled body
      HttpResponse<byte[]> response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return answer(response);
    } catch (TimeoutException e) {
      pending.cancel(true);
      return new Trouble(uri + ": no complete answer within " + Messages.duration(timeout), true);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      return new Trouble(uri + ": interrupted while waiting for the answer", true);
    } catch (ExecutionException e) {
      return trouble(uri, e.getCause());
    }
  }

  /** Maps an answer to a result; remembers validators only after {@code reader} found a digest. */
  synchronized FetchResult interpret(URI uri, LocalDate date, Answer answer, BodyReader reader) {
    if (answer instanceof Body body) {
      FetchResult result = reader.read(body.bytes());
      if (result instanceof FetchResult.Found found && (body.etag().isPresent() || body.lastModified().isPresent())) {
        remembered.put(uri, new Remembered(body.etag(), body.lastModified(), found.digest().date()));
      } else {
        remembered.remove(uri);
      }
      return result;
    }
    if (answer instanceof NotModified) {
      Remembered last = remembered.get(uri);
      if (last == null) {
        return new FetchResult.Failed(uri + ": 304 Not Modified to a request that was not conditional", true);
      }
      return last.digestDate().equals(date) ? new FetchResult.Unchanged()
          : new FetchResult.NotYet(uri + " is unchanged and still holds the digest of " + last.digestDate());
    }
    if (answer instanceof Status status) {
      return status(uri, status);
    }
    Trouble trouble = (Trouble) answer;
    return new FetchResult.Failed(trouble.reason(), trouble.transientFailure());
  }

  /** Forgets the validators of {@code uri}: the next GET is unconditional. */
  synchronized void forget(URI uri) {
    remembered.remove(uri);
  }

  private static FetchResult status(URI uri, Status status) {
    int code = status.code();
    if (code == 404 || code == 410) {
      return new FetchResult.NotYet(uri + ": HTTP " + code + " (not published yet)");
    }
    if (code == 429 || code >= 500) {
      String wait = status.retryAfter().map(d -> "; the server asks to wait " + Messages.duration(d)).orElse("");
      return new FetchResult.Failed(uri + ": HTTP " + code + wait, true, status.retryAfter());
    }
    if (code >= 300 && code < 400) {
      return new FetchResult.Failed(uri + ": HTTP " + code + " redirect"
          + status.location().map(l -> " to " + l).orElse("")
          + " not followed (fix the URL, or build the HttpClient with Redirect.NORMAL)", false);
    }
    return new FetchResult.Failed(uri + ": HTTP " + code + (code >= 400 && code < 500
        ? " (a client error: check the URL; asking again will not help)" : " (unexpected status)"), false);
  }

  private BodySubscriber<byte[]> subscriber(HttpResponse.ResponseInfo info) {
    if (info.statusCode() != 200) {
      return BodySubscribers.replacing(new byte[0]);
    }
    return new CappedBodySubscriber(DigestSources.MAX_DIGEST_BYTES, info.headers().firstValueAsLong("Content-Length"));
  }

  private Answer answer(HttpResponse<byte[]> response) {
    HttpHeaders headers = response.headers();
    switch (response.statusCode()) {
      case 200:
        return new Body(response.body(), headers.firstValue("ETag"), headers.firstValue("Last-Modified"));
      case 304:
        return new NotModified();
      default:
        return new Status(response.statusCode(),
            RetryAfter.parse(headers.firstValue("Retry-After"), clock.instant()), headers.firstValue("Location"));
    }
  }

  private static final java.util.regex.Pattern TRUNCATED_BY_JDK =
      java.util.regex.Pattern.compile("fixed content-length: (\\d+), bytes received: (\\d+)");

  private Trouble trouble(URI uri, Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CappedBodySubscriber.BodyProblem problem) {
        return new Trouble(uri + ": " + problem.getMessage(), problem.transientFailure);
      }
    }
    if (failure instanceof HttpTimeoutException) {
      return new Trouble(uri + ": no answer within " + Messages.duration(timeout), true);
    }
    if (failure instanceof ConnectException) {
      return new Trouble(uri + ": cannot connect: " + describe(failure), true);
    }
    java.util.regex.Matcher cut = TRUNCATED_BY_JDK.matcher(describe(failure));
    if (failure instanceof IOException && cut.find()) {
      // the JDK client sometimes reports a short body itself, before the body subscriber sees the end
      return new Trouble(uri + ": body truncated: the connection ended after " + cut.group(2) + " of "
          + cut.group(1) + " bytes", true);
    }
    if (failure instanceof IOException) {
      return new Trouble(uri + ": I/O error: " + describe(failure), true);
    }
    return new Trouble(uri + ": request failed: " + describe(failure), true);
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    Throwable cause = t.getCause();
    if ((message == null || message.isBlank()) && cause != null) {
      return describe(cause);
    }
    return message == null ? t.getClass().getSimpleName() : message;
  }
}
