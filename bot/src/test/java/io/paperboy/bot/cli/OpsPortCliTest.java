package io.paperboy.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --ops-port} (and {@code PAPERBOY_OPS_PORT}) turn the endpoint on; the console run has none by default. */
@DisplayName("run serves /readyz on --ops-port or PAPERBOY_OPS_PORT once started, and nothing without one")
class OpsPortCliTest {

  @TempDir
  Path dir;

  /** A console that, before typing /quit, asks /readyz until the instance says it is ready. */
  private static final class ProbingConsole extends Reader {
    private final int port;
    private final AtomicReference<String> readiness = new AtomicReference<>();
    private Reader typed;

    ProbingConsole(int port) {
      this.port = port;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      if (typed == null) {
        readiness.set(awaitReady());
        typed = new StringReader("/quit\n");
      }
      return typed.read(buf, off, len);
    }

    private String awaitReady() throws IOException {
      HttpClient http = HttpClient.newHttpClient();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      String last = "no answer";
      while (System.nanoTime() < deadline) {
        try {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
              .build(), HttpResponse.BodyHandlers.ofString());
          last = r.statusCode() + " " + r.body();
          if (r.statusCode() == 200) {
            return last;
          }
          Thread.sleep(20);
        } catch (IOException e) {
          last = e.toString();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
      }
      return last;
    }

    @Override
    public void close() { }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void topLevelOptionAndEnvironment() throws IOException {
    int port = freePort();
    ProbingConsole console = new ProbingConsole(port);
    Cli.Result r = Cli.runWithInput(console, Map.of(), "--ops-port", String.valueOf(port),
        "--db", dir.resolve("a.db").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("Operations endpoint on http://0.0.0.0:" + port + "/");
    assertThat(console.readiness.get()).startsWith("200 ready").contains("[ok] startup").contains("[ok] database");

    int other = freePort();
    ProbingConsole viaEnv = new ProbingConsole(other);
    Cli.Result e = Cli.runWithInput(viaEnv, Map.of("PAPERBOY_OPS_PORT", String.valueOf(other)), "run",
        "--db", dir.resolve("b.db").toString());
    assertThat(e.code()).as(e.err()).isZero();
    assertThat(viaEnv.readiness.get()).startsWith("200 ready");

    Cli.Result off = Cli.runWithInput("/quit\n", Map.of(), "run", "--db", dir.resolve("c.db").toString());
    assertThat(off.code()).isZero();
    assertThat(off.err()).doesNotContain("Operations endpoint");

    Cli.Result bad = Cli.run("run", "--ops-port", "70000", "--db", dir.resolve("d.db").toString());
    assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(bad.err()).contains("--ops-port 70000 is not a TCP port");
  }
}
