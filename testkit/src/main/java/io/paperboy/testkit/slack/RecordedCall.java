package io.paperboy.testkit.slack;

import java.util.List;
import java.util.Map;

/**
 * One Web API call the fake received.
 *
 * @param method     API method ({@code chat.postMessage})
 * @param params     form (or JSON) parameters
 * @param headers    request headers, lower-case names
 * @param atNanos    {@link System#nanoTime()} on arrival
 * @param status     HTTP status answered
 * @param error      Slack error code answered, or null for {@code ok:true}
 */
public record RecordedCall(String method, Map<String, String> params, Map<String, List<String>> headers,
    long atNanos, int status, String error) {

  public boolean ok() {
    return status == 200 && error == null;
  }
}
