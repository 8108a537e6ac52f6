package io.paperboy.slack.install;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.OAuthStateService;
import io.paperboy.store.slack.OAuthStateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Bolt's {@link OAuthStateService} on Paperboy's database: the state Bolt puts into the authorize
 * URL (and the installer's cookie) is stored with its expiry, so that any instance can finish the
 * flow, and it works once.
 *
 * <p>Bolt asks {@link #isValid} and later {@link #consume}s; between the two, a second callback
 * carrying the same state would also pass {@code isValid}. So the state is taken from the
 * database in {@link #isAvailableInDatabase} itself — atomically, once — and {@code consume} only
 * clears the cookie.
 */
public final class StoredOAuthStateService implements OAuthStateService {

  private final OAuthStateStore states;
  private final Clock clock;

  public StoredOAuthStateService(OAuthStateStore states, Clock clock) {
    this.states = Objects.requireNonNull(states, "states");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void addNewStateToDatastore(String state) {
    states.issue(state, clock.instant().plusSeconds(getExpirationInSeconds()));
  }

  /** Takes the state: true once, for a state issued here and not expired. */
  @Override
  public boolean isAvailableInDatabase(String state) {
    return states.consume(state, clock.instant());
  }

  @Override
  public void consume(Request request, Response response) {
    List<String> cookies = response.getHeaders().get("Set-Cookie");
    List<String> values = cookies == null ? new ArrayList<>() : new ArrayList<>(cookies);
    values.add(getSessionCookieName() + "=deleted; Secure; HttpOnly; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    response.getHeaders().put("Set-Cookie", values);
  }

  @Override
  public void deleteStateFromDatastore(String state) {
    // already taken by isAvailableInDatabase
  }
}
