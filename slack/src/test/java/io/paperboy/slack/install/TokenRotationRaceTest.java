package io.paperboy.slack.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import io.paperboy.slack.SlackClients;
import io.paperboy.store.slack.SlackInstallation;
import io.paperboy.store.slack.SlackWorkspaceKey;
import io.paperboy.store.sqlite.SqliteStores;
import io.paperboy.testkit.slack.FakeSlack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token rotation across instances: several {@link WorkspaceTokens} (one per instance, each with its
 * own holder name) on one database race to refresh an expiring token against the fake Slack,
 * whose refresh tokens work once and whose refresh retires the old access token.
 */
@DisplayName("Token rotation: instances racing to refresh one installation make ONE refresh call")
class TokenRotationRaceTest {

  private static final String TEAM = "T0ROTATE";
  private static final SlackWorkspaceKey KEY = SlackWorkspaceKey.team(TEAM);

  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock(Instant.now());
  private FakeSlack fake;
  private SqliteStores stores;
  private Slack slack;

  @BeforeEach
  void start() throws Exception {
    fake = FakeSlack.start().tokenRotation(Duration.ofHours(12)).clock(clock);
    fake.addTeam(TEAM, "Rotating");
    stores = SqliteStores.open(dir.resolve("paperboy.db"));
    slack = SlackClients.create(fake.apiUrl());
    OAuthV2AccessResponse granted = slack.methods().oauthV2Access(r -> r.clientId(FakeSlack.CLIENT_ID)
        .clientSecret(FakeSlack.CLIENT_SECRET).code(fake.issueCode(TEAM, "U0INSTALLER")));
    assertThat(granted.isOk()).as(granted.getError()).isTrue();
    stores.slackInstallations().save(new SlackInstallation(KEY, false, granted.getAppId(), granted.getBotUserId(),
        Optional.empty(), granted.getAccessToken(), granted.getScope(), Optional.of(granted.getRefreshToken()),
        Optional.of(clock.instant().plusSeconds(granted.getExpiresIn())), "U0INSTALLER", clock.instant()),
        clock.instant());
  }

  @AfterEach
  void stop() {
    stores.close();
    fake.close();
  }

  private WorkspaceTokens instance(String name) {
    return new WorkspaceTokens(stores.slackInstallations(), slack.methods(), FakeSlack.CLIENT_ID,
        FakeSlack.CLIENT_SECRET, name, clock);
  }

  private long refreshCalls() {
    return fake.calls("oauth.v2.access").stream()
        .filter(c -> "refresh_token".equals(c.params().get("grant_type"))).count();
  }

  @Test
  @DisplayName("a token far from expiry is used as stored: no refresh")
  void freshTokenNotRefreshed() {
    String stored = stores.slackInstallations().find(KEY).orElseThrow().botToken();

    assertThat(instance("a").current(KEY).orElseThrow().botToken()).isEqualTo(stored);
    assertThat(refreshCalls()).isZero();
  }

  @Test
  @DisplayName("four instances racing on an expiring token: one refresh at the fake, all get the same working token")
  void race() throws Exception {
    String old = stores.slackInstallations().find(KEY).orElseThrow().botToken();
    // an hour before expiry: inside the refresh window, the old token still works
    clock.advance(Duration.ofHours(11));
    List<WorkspaceTokens> instances = List.of(instance("a"), instance("b"), instance("c"), instance("d"));
    ExecutorService pool = Executors.newFixedThreadPool(instances.size());
    List<String> tokens = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> racing = new ArrayList<>();
      for (WorkspaceTokens tokensOf : instances) {
        Callable<String> refresh = () -> {
          go.await();
          return tokensOf.current(KEY).orElseThrow().botToken();
        };
        racing.add(pool.submit(refresh));
      }
      go.countDown();
      for (Future<String> f : racing) {
        tokens.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(refreshCalls()).isEqualTo(1);
    assertThat(tokens).containsOnly(tokens.get(0)).doesNotContain(old);
    assertThat(slack.methods(tokens.get(0)).authTest(r -> r).isOk()).as("the new token works").isTrue();
    assertThat(slack.methods(old).authTest(r -> r).getError()).isEqualTo("token_revoked");
    SlackInstallation stored = stores.slackInstallations().find(KEY).orElseThrow();
    assertThat(stored.botToken()).isEqualTo(tokens.get(0));
    assertThat(stored.tokenExpiresAt().orElseThrow()).isAfter(clock.instant().plus(Duration.ofHours(11)));
    // and the next call is not due again
    assertThat(instance("e").current(KEY).orElseThrow().botToken()).isEqualTo(tokens.get(0));
    assertThat(refreshCalls()).isEqualTo(1);
  }

  @Test
  @DisplayName("a refresh Slack refuses releases the lease and keeps the stored token while it still works")
  void refusedRefresh() {
    clock.advance(Duration.ofHours(11));
    String old = stores.slackInstallations().find(KEY).orElseThrow().botToken();
    fake.script("oauth.v2.access", io.paperboy.testkit.slack.Scripted.error("invalid_refresh_token"));

    assertThat(instance("a").current(KEY).orElseThrow().botToken()).isEqualTo(old);
    // the lease was released: the next instance may try at once, and succeeds
    assertThat(instance("b").current(KEY).orElseThrow().botToken()).isNotEqualTo(old);
    assertThat(refreshCalls()).isEqualTo(2);
  }
}
