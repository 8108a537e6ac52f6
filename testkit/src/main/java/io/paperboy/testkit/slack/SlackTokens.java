package io.paperboy.testkit.slack;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every token the fake Slack knows, what it belongs to and whether it still works: bot tokens per
 * team (rotating ones expire and are replaced on refresh), the app-level token, one-time OAuth
 * codes and single-use refresh tokens. Thread-safe; the state of one grant only moves forward
 * (active → revoked or replaced).
 */
final class SlackTokens {

  enum Kind { BOT, APP }

  enum State { ACTIVE, REVOKED, REPLACED }

  /** One access token. */
  static final class Grant {
    final String token;
    final Kind kind;
    final String teamId;
    final Optional<Instant> expiresAt;
    volatile State state = State.ACTIVE;

    Grant(String token, Kind kind, String teamId, Optional<Instant> expiresAt) {
      this.token = token;
      this.kind = kind;
      this.teamId = teamId;
      this.expiresAt = expiresAt;
    }
  }

  /** A one-time code from the OAuth redirect. */
  record Code(String code, String teamId, String installerUserId, Optional<String> redirectUri, Instant expiresAt) {}

  /** A refresh token: good for exactly one refresh of {@code accessToken}. */
  static final class Refresh {
    final String token;
    final String teamId;
    final String accessToken;
    volatile boolean used;

    Refresh(String token, String teamId, String accessToken) {
      this.token = token;
      this.teamId = teamId;
      this.accessToken = accessToken;
    }
  }

  /** What a presented token resolves to: a team, or Slack's error code. */
  record Resolution(Optional<String> teamId, Optional<String> error) {
    static Resolution of(String teamId) {
      return new Resolution(Optional.of(teamId), Optional.empty());
    }

    static Resolution refused(String error) {
      return new Resolution(Optional.empty(), Optional.of(error));
    }
  }

  /** Slack's OAuth codes expire after ten minutes. */
  static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
  private final Map<String, Code> codes = new ConcurrentHashMap<>();
  private final Map<String, Refresh> refreshes = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final AtomicLong counter = new AtomicLong();
  volatile Clock clock = Clock.systemUTC();
  /** The lifetime of rotating access tokens; empty while token rotation is off. */
  volatile Optional<Duration> rotation = Optional.empty();

  void add(String token, Kind kind, String teamId) {
    grants.put(token, new Grant(token, kind, teamId, Optional.empty()));
  }

  private String secret() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** A new bot token for the team: long-lived, or rotating with its refresh token when rotation is on. */
  Grant issueBot(String teamId) {
    Optional<Duration> lifetime = rotation;
    String token = lifetime.isPresent() ? "xoxe.xoxb-1-" + secret()
        : "xoxb-" + counter.incrementAndGet() + "-" + teamId + "-" + secret();
    Grant grant = new Grant(token, Kind.BOT, teamId, lifetime.map(l -> clock.instant().plus(l)));
    grants.put(token, grant);
    return grant;
  }

  /** The refresh token that goes with a rotating access token. */
  String issueRefresh(Grant access) {
    String token = "xoxe-1-" + secret();
    refreshes.put(token, new Refresh(token, access.teamId, access.token));
    return token;
  }

  String issueCode(String teamId, String installerUserId, Optional<String> redirectUri) {
    String code = counter.incrementAndGet() + "." + secret();
    codes.put(code, new Code(code, teamId, installerUserId, redirectUri, clock.instant().plus(CODE_LIFETIME)));
    return code;
  }

  /** Takes a code (it works once); empty if unknown, used or expired. */
  Optional<Code> redeem(String code) {
    Code c = code == null ? null : codes.remove(code);
    return c == null || clock.instant().isAfter(c.expiresAt()) ? Optional.empty() : Optional.of(c);
  }

  /** Takes a refresh token (it works once) and retires the access token it was issued with. */
  Optional<Refresh> useRefresh(String token) {
    Refresh r = token == null ? null : refreshes.get(token);
    if (r == null) {
      return Optional.empty();
    }
    synchronized (r) {
      if (r.used) {
        return Optional.empty();
      }
      r.used = true;
    }
    Grant old = grants.get(r.accessToken);
    if (old != null && old.state == State.ACTIVE) {
      old.state = State.REPLACED;
    }
    return Optional.of(r);
  }

  /** Whether {@code token} may call a method that needs a token of {@code kind}, and for which team. */
  Resolution resolve(String token, Kind kind) {
    if (token == null || token.isBlank()) {
      return Resolution.refused("not_authed");
    }
    Grant g = grants.get(token);
    if (g == null) {
      return Resolution.refused("invalid_auth");
    }
    if (g.kind != kind) {
      return Resolution.refused("not_allowed_token_type");
    }
    if (g.state != State.ACTIVE) {
      return Resolution.refused("token_revoked");
    }
    if (g.expiresAt.isPresent() && !clock.instant().isBefore(g.expiresAt.get())) {
      return Resolution.refused("token_expired");
    }
    return Resolution.of(g.teamId);
  }

  /** Revokes every bot token of the team (uninstall, or {@code tokens_revoked}). */
  List<String> revokeBotTokens(String teamId) {
    List<Grant> revoked = grants.values().stream()
        .filter(g -> g.kind == Kind.BOT && g.teamId.equals(teamId) && g.state == State.ACTIVE).toList();
    revoked.forEach(g -> g.state = State.REVOKED);
    refreshes.values().removeIf(r -> r.teamId.equals(teamId));
    return revoked.stream().map(g -> g.token).toList();
  }

  Optional<Grant> grant(String token) {
    return Optional.ofNullable(grants.get(token));
  }
}
