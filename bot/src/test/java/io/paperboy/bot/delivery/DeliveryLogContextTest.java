package io.paperboy.bot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.paperboy.core.gateway.ChannelGateway;
import io.paperboy.store.ChannelRef;
import io.paperboy.store.Platform;
import io.paperboy.store.delivery.Delivery;
import io.paperboy.store.delivery.Delivery.Kind;
import io.paperboy.store.delivery.OutboxKey;
import io.paperboy.testkit.platform.FakePlatform;
import io.paperboy.testkit.platform.HttpTestGateway;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The logs of a delivery say which channel and which outbox row they are about, and which worker. */
class DeliveryLogContextTest {

  @TempDir
  Path dir;
  private FakePlatform fake;
  private DeliveryFixture f;
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Logger rowLog = (Logger) LoggerFactory.getLogger(RowDelivery.class);
  private Level levelBefore;

  @BeforeEach
  void open() throws IOException {
    fake = new FakePlatform();
    f = new DeliveryFixture(dir.resolve("p.db"));
    captured.start();
    levelBefore = rowLog.getLevel();
    rowLog.setLevel(Level.INFO);
    rowLog.addAppender(captured);
  }

  @AfterEach
  void close() {
    rowLog.detachAppender(captured);
    rowLog.setLevel(levelBefore);
    f.close();
    fake.close();
  }

  @Test
  @DisplayName("the 'sent' line carries the channel, the outbox row id and the worker in its MDC, and the "
      + "production pattern prints them")
  void sentLineCarriesChannelAndRow() throws Exception {
    // GIVEN a day's digest and one subscribed Discord channel, the slot just passed
    f.papers.save(DeliveryFixture.digest(DeliveryFixture.DAY, 3));
    ChannelRef channel = f.subscribe(ChannelRef.of(Platform.DISCORD, "G1", "C1"));
    Clock clock = DeliveryFixture.clockAt(DeliveryFixture.SLOT.plusSeconds(60));
    Map<Platform, ChannelGateway> gateways = Map.of(Platform.DISCORD,
        new HttpTestGateway(Platform.DISCORD, fake.baseUrl()));
    DeliveryWorker worker = f.worker(gateways, DeliveryWorkerTest.QUICK, 2, clock);
    f.planner(clock, worker::wake).planOnce();

    // WHEN the worker drains the outbox
    worker.start();
    try {
      f.awaitQuiet(DeliveryWorkerTest.GUARD);
    } finally {
      worker.stop(Duration.ofSeconds(10));
    }

    // THEN the line saying it was sent names the channel and the row in its MDC
    Delivery row = f.reports.find(new OutboxKey(channel, Kind.DIGEST, DeliveryFixture.DAY.toString())).orElseThrow();
    List<ILoggingEvent> sent = captured.list.stream()
        .filter(e -> e.getFormattedMessage().startsWith("sent ")).toList();
    assertThat(sent).hasSize(1);
    Map<String, String> mdc = sent.get(0).getMDCPropertyMap();
    assertThat(mdc).containsEntry(DeliveryWorker.MDC_CHANNEL, channel.key())
        .containsEntry(DeliveryWorker.MDC_OUTBOX_ROW, Long.toString(row.id()));
    assertThat(mdc.get(DeliveryWorker.MDC_INSTANCE)).startsWith("pid " + ProcessHandle.current().pid());
    // AND the pattern the product logs with prints them
    String line = productionLayout().doLayout(sent.get(0));
    assertThat(line).contains(channel.key()).contains("row " + row.id());
  }

  @Test
  @DisplayName("outside a delivery the production pattern prints no empty brackets")
  void noContextNoBrackets() throws IOException {
    Logger other = (Logger) LoggerFactory.getLogger("io.paperboy.elsewhere");
    ILoggingEvent event = new ch.qos.logback.classic.spi.LoggingEvent(getClass().getName(), other, Level.INFO,
        "planned 3 posts", null, null);
    assertThat(productionLayout().doLayout(event)).endsWith(" INFO  i.paperboy.elsewhere - planned 3 posts\n");
  }

  /** The encoder pattern of {@code src/main/resources/logback.xml}, the file the jar ships. */
  private static PatternLayout productionLayout() throws IOException {
    String xml;
    try (InputStream in = DeliveryLogContextTest.class.getResourceAsStream("/logback.xml")) {
      assertThat(in).as("logback.xml on the class path").isNotNull();
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher m = Pattern.compile("<pattern>(.*?)</pattern>").matcher(xml);
    assertThat(m.find()).as("a <pattern> in logback.xml").isTrue();
    PatternLayout layout = new PatternLayout();
    layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    layout.setPattern(m.group(1));
    layout.start();
    return layout;
  }
}
