package io.paperboy.testkit.slack;

/**
 * How often the fake answered a Web API method (for one token, or all), and how often with 429.
 *
 * @param calls       requests answered
 * @param rateLimited of them, answered HTTP 429 {@code ratelimited} (by the limits or by a script)
 */
public record CallCounts(long calls, long rateLimited) {

  static final CallCounts NONE = new CallCounts(0, 0);

  CallCounts plus(CallCounts o) {
    return new CallCounts(calls + o.calls, rateLimited + o.rateLimited);
  }

  /** The share of calls answered 429, 0 when there were none. */
  public double rateLimitedShare() {
    return calls == 0 ? 0 : (double) rateLimited / calls;
  }
}
