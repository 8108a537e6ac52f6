package io.paperboy.testkit.discord;

/**
 * What the fake answered one bot token (or all of them), counted the way Discord counts toward
 * its invalid-request limit (10,000 in 10 minutes bans the IP): every 401, every 403 and every 429
 * except those with {@code X-RateLimit-Scope: shared}.
 *
 * @param requests          REST requests answered
 * @param rateLimited       429 answers of any scope
 * @param globalRateLimited 429 answers for the global limit
 * @param sharedRateLimited 429 answers with scope {@code shared} (not invalid)
 * @param unauthorized      401 answers
 * @param forbidden         403 answers
 */
public record RequestCounts(long requests, long rateLimited, long globalRateLimited, long sharedRateLimited,
    long unauthorized, long forbidden) {

  static final RequestCounts NONE = new RequestCounts(0, 0, 0, 0, 0, 0);

  /** Requests that count toward Discord's invalid-request limit. */
  public long invalid() {
    return unauthorized + forbidden + rateLimited - sharedRateLimited;
  }

  /** The share of requests answered 429, 0 when there were none. */
  public double rateLimitedShare() {
    return requests == 0 ? 0 : (double) rateLimited / requests;
  }

  RequestCounts plus(RequestCounts o) {
    return new RequestCounts(requests + o.requests, rateLimited + o.rateLimited,
        globalRateLimited + o.globalRateLimited, sharedRateLimited + o.sharedRateLimited,
        unauthorized + o.unauthorized, forbidden + o.forbidden);
  }

  /** This count with one more answer of {@code status}; {@code scope} is the 429's scope header, or null. */
  RequestCounts with(int status, String scope) {
    boolean limited = status == 429;
    return new RequestCounts(requests + 1, rateLimited + (limited ? 1 : 0),
        globalRateLimited + (limited && "global".equals(scope) ? 1 : 0),
        sharedRateLimited + (limited && "shared".equals(scope) ? 1 : 0),
        unauthorized + (status == 401 ? 1 : 0), forbidden + (status == 403 ? 1 : 0));
  }
}
