package io.paperboy.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import okhttp3.Headers;

/**
 * One REST request the fake received, and how it answered.
 *
 * @param method          HTTP method
 * @param path            path below {@code /api/v10}, e.g. {@code /channels/10/messages}
 * @param query           raw query string, or empty
 * @param body            the JSON body, or a multipart request's {@code payload_json} (a missing node when there was none)
 * @param headers         request headers
 * @param status          the status the fake answered
 * @param at              {@link System#nanoTime()} when the request was read
 * @param files           the {@code files[n]} parts of a multipart request, in order (empty for JSON)
 * @param responseHeaders the headers the fake answered with (rate-limit headers among them)
 */
public record RecordedCall(String method, String path, String query, JsonNode body, Headers headers, int status,
    long at, List<FilePart> files, Headers responseHeaders) {

  /** {@code "POST /channels/10/messages"}. */
  public String route() {
    return method + " " + path;
  }

  public boolean is(String method, String pathRegex) {
    return this.method.equals(method) && path.matches(pathRegex);
  }

  @Override
  public String toString() {
    return route() + (query.isEmpty() ? "" : "?" + query) + " -> " + status;
  }
}
