package io.paperboy.testkit.slack;

import static io.paperboy.testkit.slack.FakeSlack.JSON;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;

/** Reading Slack-style requests (form, JSON, multipart) and writing answers on the JDK HTTP server. */
final class SlackHttp {

  private SlackHttp() {}

  /** Form (or JSON) body parameters, then query parameters. */
  static Map<String, String> params(HttpExchange exchange, String body) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    String query = exchange.getRequestURI().getRawQuery();
    String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
    if (contentType.startsWith("application/json")) {
      JSON.readTree(body).properties().forEach(e ->
          params.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    } else {
      decodeForm(body, params);
    }
    if (query != null) {
      decodeForm(query, params);
    }
    return params;
  }

  static void decodeForm(String form, Map<String, String> into) {
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      into.put(key, value);
    }
  }

  /** The token of {@code Authorization: Bearer …}, if that is how it came. */
  static Optional<String> bearer(String authorization) {
    return authorization != null && authorization.startsWith("Bearer ")
        ? Optional.of(authorization.substring(7).trim()) : Optional.empty();
  }

  /**
   * The file bytes of an upload POST: the raw body (what the SDK sends), or the first part of a
   * {@code multipart/form-data} body (what curl {@code -F file=@…} sends).
   */
  static byte[] uploadedBytes(String contentType, byte[] body) throws IOException {
    MediaType type = contentType == null ? null : MediaType.parse(contentType);
    if (type == null || !type.type().equals("multipart") || type.parameter("boundary") == null) {
      return body;
    }
    try (MultipartReader reader = new MultipartReader(new Buffer().write(body), type.parameter("boundary"))) {
      MultipartReader.Part part = reader.nextPart();
      if (part == null) {
        return new byte[0];
      }
      try (part) {
        return part.body().readByteArray();
      }
    }
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
