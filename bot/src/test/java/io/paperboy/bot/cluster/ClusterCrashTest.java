package io.paperboy.bot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.ChannelRef;
import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.DaySet;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.Delivery.Status;
import io.paperboy.store.delivery.Lease;
import io.paperboy.store.delivery.OutboxKey;
import io.paperboy.store.delivery.Subscription;
import io.paperboy.store.postgresql.PostgresStores;
import io.paperboy.testkit.platform.FakePlatform;
import io.paperboy.testkit.platform.HttpTestGateway;
import io.paperboy.testkit.platform.RateLimits;
import io.paperboy.testkit.postgres.PostgresTestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster crash test: three instances (child JVMs, the real composition root with the
 * clustered Quartz planner and the leased outbox worker) on one PostgreSQL schema, 1,000 channels
 * (500 of each dialect of the loopback fake, each post split in two messages) due at the same
 * slot. One instance is SIGKILLed at three points of the fan-out — right after the slot's rows
 * were planned, mid split-post (its first message stored, not answered), and after a post was
 * answered but before it was marked sent — and restarted each time, while the other two keep
 * going; another is SIGSTOPped past its lease and the cluster check-in, then SIGCONTed. At the
 * end every channel holds each of its messages exactly once, and no row is left attempting.
 */
@Tag("cluster")
@DisplayName("Cluster crash: 3 instances on PostgreSQL, 1,000 channels, SIGKILL at 3 points and a SIGSTOP: each message once")
class ClusterCrashTest {

  @RegisterExtension
  static final PostgresTestDatabase pg = new PostgresTestDatabase();

  static final LocalDate DAY = LocalDate.parse("2024-06-07");
  /** 09:00 in Seoul on {@link #DAY}. */
  static final Instant SLOT = Instant.parse("2024-06-07T00:00:00Z");
  static final int PER_DIALECT = 500;
  static final int PARTS = 2;
  static final Duration LEASE = Duration.ofSeconds(3);

  @TempDir
  Path dir;

  /** One instance slot: its current process and how many lives it has had. */
  static final class Slot {
    final int index;
    volatile Process process;
    volatile int life;
    volatile boolean done;

    Slot(int index) {
      this.index = index;
    }
  }

  static Digest digest(int papers) {
    List<DigestEntry> entries = new ArrayList<>();
    for (int rank = 1; rank <= papers; rank++) {
      String id = String.format("2406.%05d", 70000 + rank);
      entries.add(new DigestEntry(DAY, rank, id, "Paper " + rank, "https://arxiv.org/abs/" + id,
          Optional.of(100 - rank), List.of("Ada Lovelace"), Optional.empty(), "- 요약 " + rank + ": a summary."));
    }
    return new Digest(DAY, entries, "test:" + DAY);
  }

  @Test
  void threeInstancesKilledStoppedRestartedEachMessageOnce() throws Exception {
    List<ChannelRef> channels = new ArrayList<>();
    try (PostgresStores stores = PostgresStores.open(pg.paperboyUrl()); FakePlatform fake = new FakePlatform()) {
      // 2 × 3 cards per message: four papers make a post of two messages
      stores.papers().save(digest(HttpTestGateway.CARDS_PER_PART + 1));
      Instant since = SLOT.minus(Duration.ofDays(30));
      for (int i = 0; i < PER_DIALECT; i++) {
        for (ChannelRef c : List.of(ChannelRef.of(Platform.DISCORD, "G1", "D" + i), ChannelRef.of(Platform.SLACK, "T1", "S" + i))) {
          stores.subscriptions().save(Subscription.of(c, LocalTime.of(9, 0), ZoneId.of("Asia/Seoul"), DaySet.DAILY, since), since);
          channels.add(c);
        }
      }
      // the platform's ceiling stretches the fan-out over several seconds, so every kill point comes
      RateLimits normal = new RateLimits(60, 1_000, 1_000);
      // while the victim restarts, the platform nearly stops (answering 429s, nothing left hanging
      // past a lease), so the fan-out still has work for the victim's next life however slowly a
      // JVM boots on a loaded machine
      RateLimits crawl = new RateLimits(2, 1_000, 1_000);
      java.util.concurrent.atomic.AtomicBoolean crawling = new java.util.concurrent.atomic.AtomicBoolean();
      fake.enforce(normal);
      fake.retryAfterMillis(20);
      long offset = Duration.between(Instant.now(), SLOT.plusSeconds(60)).toMillis();

      List<Slot> slots = List.of(new Slot(0), new Slot(1), new Slot(2));
      Slot victim = slots.get(0);
      Slot sleeper = slots.get(1);
      List<String> killed = new CopyOnWriteArrayList<>();
      AtomicReference<String> stopped = new AtomicReference<>();
      AtomicInteger victimPosts = new AtomicInteger();

      fake.hook(e -> {
        if (e.point() == FakePlatform.Point.HISTORY_RECEIVED) {
          return;
        }
        ChannelRef ref = e.dialect().equals("discord") ? ChannelRef.of(Platform.DISCORD, "G1", e.channel())
            : ChannelRef.of(Platform.SLACK, "T1", e.channel());
        // who sent it: the instance named in the lease of the channel's row (it is attempting now)
        long pid = holderPid(stores, ref);
        Process v = victim.process;
        if (v != null && pid == v.pid() && crawling.compareAndSet(true, false)) {
          fake.enforce(normal); // the victim's new life is posting: full speed again
        }
        if (v == null || pid != v.pid()) {
          maybeStop(sleeper, pid, e, stopped);
          return;
        }
        int stored = fake.postsIn(e.channel()).size();
        int life = victim.life;
        boolean kill = killed.size() == life && switch (life) {
          // life 1: its first message of a split post is stored, the request not answered
          case 1 -> e.point() == FakePlatform.Point.POST_STORED && stored == 1 && victimPosts.incrementAndGet() >= 3;
          // life 2: the whole post is answered, its row not yet marked sent
          case 2 -> e.point() == FakePlatform.Point.POST_ANSWERED && stored == PARTS && victimPosts.incrementAndGet() >= 2;
          default -> false;
        };
        // several of the victim's requests are in flight at once: one kill per life
        synchronized (killed) {
          kill = kill && killed.size() == life;
          if (kill) {
            killed.add(life == 1 ? "mid split-post: first message stored, not answered"
                : "after the post was answered, before it was marked sent");
          }
        }
        if (kill) {
          v.destroyForcibly(); // SIGKILL on Linux
          try {
            v.waitFor();
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
          }
          throw new FakePlatform.Dropped();
        }
      });

      // all three at the same instant
      for (Slot s : slots) {
        s.process = start(fake.baseUrl(), offset, s, channels.size());
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (slots.stream().anyMatch(s -> !s.done)) {
        assertThat(System.nanoTime()).as("the cluster drained within 4 minutes; logs:%n%s", logs(slots)).isLessThan(deadline);
        if (victim.life == 0 && victim.process.isAlive() && planned(stores) >= channels.size()) {
          // life 0: the slot's rows are planned, the fan-out just starting
          synchronized (killed) {
            killed.add("right after the slot's rows were planned");
          }
          victim.process.destroyForcibly().waitFor();
        }
        for (Slot s : slots) {
          Process p = s.process;
          if (s.done || p.isAlive()) {
            continue;
          }
          if (p.exitValue() == 0) {
            s.done = true;
          } else if (s == victim && killed.size() > s.life) {
            if (s.life < 2) {
              crawling.set(true);
              fake.enforce(crawl);
            }
            s.life++;
            victimPosts.set(0);
            s.process = start(fake.baseUrl(), offset, s, channels.size());
          } else {
            throw new AssertionError("instance " + s.index + " exited " + p.exitValue() + "; logs:\n" + logs(slots));
          }
        }
        Thread.sleep(20);
      }
      fake.hook(e -> { });

      assertThat(killed).as("kills: %s; logs:%n%s", killed, logs(slots)).hasSize(3);
      assertThat(stopped.get()).as("an instance was stopped past its lease and resumed").isNotNull();
      Map<Status, Integer> counts = stores.reports().counts();
      assertThat(counts.get(Status.ATTEMPTING)).as("no row left attempting").isZero();
      int duplicates = 0;
      int missing = 0;
      for (ChannelRef c : channels) {
        Delivery row = stores.reports().find(new OutboxKey(c, Kind.DIGEST, DAY.toString())).orElseThrow();
        assertThat(row.status()).as(c.key()).isEqualTo(Status.SENT);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < PARTS; i++) {
          String partKey = "digest:" + DAY + ":" + row.id() + "/" + i;
          expected.add(c.platform() == Platform.DISCORD ? HttpTestGateway.nonce(partKey) : partKey);
        }
        List<String> keys = fake.postsIn(c.channel()).stream().map(FakePlatform.Posted::key).toList();
        duplicates += Math.max(0, keys.size() - keys.stream().distinct().count());
        missing += (int) expected.stream().filter(k -> !keys.contains(k)).count();
        assertThat(keys).as("%s holds each message once", c.key()).containsExactlyElementsOf(expected);
      }
      int posts = fake.allPosts().values().stream().mapToInt(List::size).sum();
      System.out.printf("cluster crash: %d channels, %d messages, %d duplicates, %d missing; kills: %s; stopped: %s;"
          + " %d answers were 429, %d dedup hits, %d history lookups%n", channels.size(), posts, duplicates, missing,
          killed, stopped.get(), fake.rateLimitedAnswers(), fake.dedupHits(), fake.historyCalls());
      assertThat(posts).as("0 duplicates, 0 missed").isEqualTo(channels.size() * PARTS);
    }
  }

  /**
   * SIGSTOPs the sleeper instance once, right after it was answered for a whole post (so it is
   * between posts, as in a GC pause), for longer than its lease and the Quartz check-in, then
   * SIGCONTs it: the others take over its leased rows meanwhile; on waking, its stale claims fail.
   */
  private static void maybeStop(Slot sleeper, long pid, FakePlatform.Event e, AtomicReference<String> stopped) {
    Process p = sleeper.process;
    if (p == null || pid != p.pid() || e.point() != FakePlatform.Point.POST_ANSWERED || e.postsTotal() < 400
        || !stopped.compareAndSet(null, "pending")) {
      return;
    }
    Thread resume = new Thread(() -> {
      try {
        signal("STOP", p.pid());
        long until = System.nanoTime() + LEASE.multipliedBy(2).toNanos();
        while (System.nanoTime() < until) {
          Thread.sleep(50); // the pause is the point here: a stopped process must outlive its lease
        }
        signal("CONT", p.pid());
        stopped.set("pid " + p.pid() + " stopped for " + LEASE.multipliedBy(2).toSeconds() + " s after post #"
            + e.postsTotal());
      } catch (Exception ex) {
        stopped.set("failed: " + ex);
      }
    }, "sigstop");
    resume.setDaemon(true);
    resume.start();
  }

  private static void signal(String name, long pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IOException("kill -" + name + " " + pid + " failed");
    }
  }

  /** The pid in the lease of the channel's row ({@code pid@host-xxxx worker …}), or -1. */
  private static long holderPid(PostgresStores stores, ChannelRef ref) {
    List<Delivery> rows = stores.reports().forChannel(ref, 1);
    if (rows.isEmpty()) {
      return -1;
    }
    Optional<Lease> lease = rows.get(0).lease();
    if (lease.isEmpty()) {
      return -1;
    }
    String holder = lease.get().holder();
    int at = holder.indexOf('@');
    try {
      return at < 0 ? -1 : Long.parseLong(holder.substring(0, at));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int planned(PostgresStores stores) {
    return stores.reports().counts().values().stream().mapToInt(Integer::intValue).sum();
  }

  private Process start(String baseUrl, long offsetMillis, Slot slot, int expected) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
        "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), ClusterChild.class.getName(),
        baseUrl, String.valueOf(offsetMillis), String.valueOf(expected));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log(slot).toFile()));
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("PAPERBOY_"));
    env.put("PAPERBOY_DATABASE", pg.paperboyUrl());
    env.put("PAPERBOY_CLUSTER_LEASE", LEASE.toMillis() + "ms");
    env.put("PAPERBOY_CLUSTER_CHECKIN_INTERVAL", "1s");
    env.put("PAPERBOY_DELIVERY_PARALLELISM", "6");
    env.put("PAPERBOY_DELIVERY_POLL_INTERVAL", "250ms");
    env.put("PAPERBOY_DELIVERY_RETRY_BASE", "50ms");
    env.put("PAPERBOY_DELIVERY_RETRY_MAX", "1s");
    env.put("PAPERBOY_DELIVERY_MAX_ATTEMPTS", "50");
    env.put("PAPERBOY_DELIVERY_SUBSCRIBE_CONSOLE", "false");
    return pb.start();
  }

  private Path log(Slot slot) {
    return dir.resolve("instance-" + slot.index + ".log");
  }

  private String logs(List<Slot> slots) {
    StringBuilder sb = new StringBuilder();
    for (Slot s : slots) {
      try {
        List<String> lines = Files.readAllLines(log(s), StandardCharsets.UTF_8);
        sb.append("--- instance ").append(s.index).append(" (life ").append(s.life).append(")\n")
            .append(String.join("\n", lines.stream().filter(l -> !l.contains("rate limited")).toList())).append('\n');
      } catch (IOException e) {
        sb.append("--- instance ").append(s.index).append(": no log\n");
      }
    }
    return sb.toString();
  }
}
