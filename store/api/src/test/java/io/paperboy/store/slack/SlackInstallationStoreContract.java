package io.paperboy.store.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.Stores;
import io.paperboy.store.StoresContract;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Lease;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.delivery.SubscriptionStore;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract of {@link SlackInstallationStore}: per workspace, uninstall pauses, reinstall resumes, one refresher. */
@DisplayName("SlackInstallationStore contract: installations per workspace, pause on uninstall, one refresh lease")
public abstract class SlackInstallationStoreContract extends StoresContract {

  static final Instant T0 = Instant.parse("2024-06-03T00:00:00Z");
  static final SlackWorkspaceKey T1 = SlackWorkspaceKey.team("T1");
  static final SlackWorkspaceKey T2 = SlackWorkspaceKey.team("T2");

  SlackInstallationStore installations;
  SubscriptionStore subscriptions;

  @BeforeEach
  final void openInstallations() {
    Stores stores = fresh();
    installations = stores.slackInstallations();
    subscriptions = stores.subscriptions();
  }

  static SlackInstallation install(SlackWorkspaceKey key, String token) {
    return new SlackInstallation(key, false, "A1", "U" + key.workspace() + "BOT", Optional.of("B1"), token,
        "commands,chat:write", Optional.empty(), Optional.empty(), "U0INSTALLER", T0);
  }

  static SlackInstallation rotating(SlackWorkspaceKey key, String token, String refresh, Instant expiry) {
    return new SlackInstallation(key, false, "A1", "UBOT", Optional.empty(), token, "commands", Optional.of(refresh),
        Optional.of(expiry), "U0INSTALLER", T0);
  }

  static Subscription subscription(String workspace, String channel) {
    return Subscription.of(ChannelRef.of(Platform.SLACK, workspace, channel), LocalTime.of(9, 0),
        ZoneId.of("Asia/Seoul"), DaySet.WEEKDAYS, T0);
  }

  @Test
  @DisplayName("stores every field and reads it back; each workspace has its own")
  void roundTrip() {
    SlackInstallation one = install(T1, "xoxb-1");
    SlackInstallation two = rotating(T2, "xoxe.xoxb-2", "xoxe-r2", T0.plusSeconds(43_200));
    installations.save(one, T0);
    installations.save(two, T0);

    assertThat(installations.find(T1)).contains(one);
    assertThat(installations.find(T2)).contains(two);
    assertThat(installations.find(SlackWorkspaceKey.team("T3"))).isEmpty();
    assertThat(installations.all()).containsExactly(one, two);
  }

  @Test
  @DisplayName("a reinstall replaces the installation; an org-wide install serves the org's workspaces")
  void reinstallAndOrgWide() {
    installations.save(install(T1, "xoxb-old"), T0);
    installations.save(install(T1, "xoxb-new"), T0.plusSeconds(60));
    assertThat(installations.find(T1).orElseThrow().botToken()).isEqualTo("xoxb-new");
    assertThat(installations.all()).hasSize(1);

    SlackWorkspaceKey org = SlackWorkspaceKey.of("E1", null);
    SlackInstallation orgWide = new SlackInstallation(org, true, "A1", "UORG", Optional.empty(), "xoxb-org",
        "commands", Optional.empty(), Optional.empty(), "U0", T0);
    installations.save(orgWide, T0);
    assertThat(installations.find(SlackWorkspaceKey.of("E1", "T9"))).contains(orgWide);
    // a workspace of the org installed on its own wins over the org-wide install
    SlackInstallation own = install(SlackWorkspaceKey.of("E1", "T8"), "xoxb-own");
    installations.save(own, T0);
    assertThat(installations.find(SlackWorkspaceKey.of("E1", "T8"))).contains(own);
  }

  @Test
  @DisplayName("uninstall pauses the workspace's subscriptions only; reinstall resumes exactly those")
  void uninstallPausesReinstallResumes() {
    installations.save(install(T1, "xoxb-1"), T0);
    installations.save(install(T2, "xoxb-2"), T0);
    subscriptions.save(subscription("T1", "C1"), T0);
    subscriptions.save(subscription("T1", "C2"), T0);
    subscriptions.save(subscription("T2", "C1"), T0);
    // paused for its own reason before the uninstall: reinstalling must not resume it
    subscriptions.save(subscription("T1", "C3"), T0);
    subscriptions.pause(ChannelRef.of(Platform.SLACK, "T1", "C3"), "channel_not_found", T0);

    assertThat(installations.delete(T1, T0.plusSeconds(10))).isTrue();
    assertThat(installations.delete(T1, T0.plusSeconds(11))).isFalse();
    assertThat(installations.find(T1)).isEmpty();
    assertThat(subscriptions.inWorkspace(Platform.SLACK, "T1")).hasSize(3).allMatch(Subscription::paused);
    assertThat(subscriptions.find(ChannelRef.of(Platform.SLACK, "T1", "C1")).orElseThrow().pauseReason())
        .contains(SlackInstallationStore.UNINSTALLED_REASON);
    assertThat(subscriptions.inWorkspace(Platform.SLACK, "T2")).noneMatch(Subscription::paused);

    assertThat(installations.save(install(T1, "xoxb-again"), T0.plusSeconds(20))).isEqualTo(2);
    assertThat(subscriptions.find(ChannelRef.of(Platform.SLACK, "T1", "C1")).orElseThrow().paused()).isFalse();
    assertThat(subscriptions.find(ChannelRef.of(Platform.SLACK, "T1", "C2")).orElseThrow().paused()).isFalse();
    assertThat(subscriptions.find(ChannelRef.of(Platform.SLACK, "T1", "C3")).orElseThrow().pauseReason())
        .contains("channel_not_found");
  }

  @Test
  @DisplayName("reinstall resumes a subscription with every setting")
  void reinstallResumesEverySetting() {
    installations.save(install(T1, "xoxb-1"), T0);
    ChannelRef channel = ChannelRef.of(Platform.SLACK, "T1", "C7");
    // every field away from its default, so a copy that drops one shows
    Subscription weekly = new Subscription(channel, LocalTime.of(17, 45), ZoneId.of("America/Sao_Paulo"),
        DaySet.parse("sat"), 7, Optional.of(12), Subscription.Style.THREADS, true, false, Optional.empty(),
        T0.minusSeconds(86_400), Subscription.Cadence.WEEKLY);
    subscriptions.save(weekly, T0);
    Subscription before = subscriptions.find(channel).orElseThrow();

    installations.delete(T1, T0.plusSeconds(10));
    assertThat(subscriptions.find(channel).orElseThrow().paused()).isTrue();
    assertThat(installations.save(install(T1, "xoxb-again"), T0.plusSeconds(20))).isEqualTo(1);

    Subscription after = subscriptions.find(channel).orElseThrow();
    assertThat(after).isEqualTo(before);
    assertThat(after.cadence()).isEqualTo(Subscription.Cadence.WEEKLY);
    assertThat(after.days()).isEqualTo(DaySet.parse("sat"));
  }

  @Test
  @DisplayName("one refresh lease at a time; a refreshed token cannot be claimed as stale; a passed lease can be taken")
  void refreshLease() {
    Instant expiry = T0.plusSeconds(3_600);
    installations.save(rotating(T1, "xoxe.xoxb-a", "xoxe-ra", expiry), T0);
    Lease a = new Lease("instance-a", T0.plusSeconds(30));
    Lease b = new Lease("instance-b", T0.plusSeconds(30));

    assertThat(installations.claimRefresh(T1, "xoxe.xoxb-a", a, T0)).isPresent();
    assertThat(installations.claimRefresh(T1, "xoxe.xoxb-a", b, T0.plusSeconds(1))).isEmpty();
    assertThat(installations.completeRefresh(T1, "instance-b", "xoxe.xoxb-x", Optional.of("xoxe-rx"),
        Optional.of(expiry), T0.plusSeconds(2))).isFalse();
    assertThat(installations.completeRefresh(T1, "instance-a", "xoxe.xoxb-b", Optional.of("xoxe-rb"),
        Optional.of(expiry.plusSeconds(43_200)), T0.plusSeconds(2))).isTrue();

    SlackInstallation now = installations.find(T1).orElseThrow();
    assertThat(now.botToken()).isEqualTo("xoxe.xoxb-b");
    assertThat(now.refreshToken()).contains("xoxe-rb");
    assertThat(now.tokenExpiresAt()).contains(expiry.plusSeconds(43_200));
    // b saw the old token; someone already refreshed it, so b must use the new one, not refresh again
    assertThat(installations.claimRefresh(T1, "xoxe.xoxb-a", b, T0.plusSeconds(3))).isEmpty();

    assertThat(installations.claimRefresh(T1, "xoxe.xoxb-b", a, T0.plusSeconds(4))).isPresent();
    // a died holding the lease: once it has passed, b may take it
    assertThat(installations.claimRefresh(T1, "xoxe.xoxb-b", b, T0.plusSeconds(20))).isEmpty();
    assertThat(installations.claimRefresh(T1, "xoxe.xoxb-b",
        new Lease("instance-b", T0.plusSeconds(90)), T0.plusSeconds(31))).isPresent();
    installations.releaseRefresh(T1, "instance-b");
    assertThat(installations.claimRefresh(T1, "xoxe.xoxb-b", a, T0.plusSeconds(32))).isPresent();
  }
}
