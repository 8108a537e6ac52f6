package io.paperboy.scheduler.digest;

import static org.assertj.core.api.Assertions.fail;

import io.paperboy.store.Digest;
import io.paperboy.store.DigestEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Property-style: damaged digests either parse into a well-formed digest or are refused with a
 * {@link DigestRejectedException} — never any other exception. Seeds are fixed so a failure
 * reproduces; the failing mutation is printed in the assertion message.
 */
@DisplayName("DigestParser on damaged input")
class DigestParserRobustnessTest {

  private static final List<String> FIXTURES = List.of("reference.md", "early-compact.md", "video.md",
      "vote-dash.md", "two-headings.md", "numbered-paragraphs.md", "odd-titles.md", "tab-summary.md",
      "liberal.md");
  private static final int ROUNDS_PER_FIXTURE = 200;
  private static final String MARKDOWN_BYTES = "#[]()!-*`<>:\n\r \t|\\_0123456789";

  private final DigestParser parser = new DigestParser();

  @Test
  @DisplayName("random truncations never throw anything but DigestRejectedException")
  void truncations() {
    Random random = new Random(20240607);
    for (String fixture : FIXTURES) {
      byte[] original = Fixtures.bytes(fixture);
      for (int round = 0; round < ROUNDS_PER_FIXTURE; round++) {
        int length = random.nextInt(original.length + 1);
        check(fixture + " cut at " + length, Arrays.copyOf(original, length));
      }
    }
  }

  @Test
  @DisplayName("random byte flips never throw anything but DigestRejectedException")
  void byteFlips() {
    Random random = new Random(20231121);
    for (String fixture : FIXTURES) {
      byte[] original = Fixtures.bytes(fixture);
      for (int round = 0; round < ROUNDS_PER_FIXTURE; round++) {
        byte[] damaged = original.clone();
        StringBuilder what = new StringBuilder(fixture);
        int flips = 1 + random.nextInt(4);
        for (int f = 0; f < flips; f++) {
          int at = random.nextInt(damaged.length);
          // mostly markdown-significant ASCII, sometimes any byte
          byte value = random.nextBoolean()
              ? (byte) MARKDOWN_BYTES.charAt(random.nextInt(MARKDOWN_BYTES.length()))
              : (byte) random.nextInt(256);
          damaged[at] = value;
          what.append(String.format(" [%d]=0x%02X", at, value & 0xFF));
        }
        check(what.toString(), damaged);
      }
    }
  }

  @Test
  @DisplayName("random line shuffles and duplications never throw anything but DigestRejectedException")
  void lineSplices() {
    Random random = new Random(20241018);
    for (String fixture : FIXTURES) {
      List<String> lines = Arrays.asList(Fixtures.text(fixture).split("\n", -1));
      for (int round = 0; round < ROUNDS_PER_FIXTURE / 3; round++) {
        List<String> spliced = new ArrayList<>(lines);
        int from = random.nextInt(spliced.size());
        int to = random.nextInt(spliced.size());
        if (random.nextBoolean()) {
          spliced.add(to, spliced.get(from));
        } else {
          spliced.add(to, spliced.remove(from));
        }
        check(fixture + " line " + from + " -> " + to,
            String.join("\n", spliced).getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /** Plain checks, not AssertJ: this runs thousands of times and only builds a message on failure. */
  private void check(String what, byte[] content) {
    Digest digest;
    try {
      digest = parser.parse("damaged.md", content);
    } catch (DigestRejectedException e) {
      if (!e.getMessage().startsWith("damaged.md:" + e.line() + ": ") || e.line() > lineCount(content)) {
        fail(what + ": refusal points nowhere: " + e.getMessage());
      }
      return;
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(what + ": " + e, e);
    }
    List<DigestEntry> entries = digest.entries();
    if (entries.isEmpty()) {
      fail(what + ": accepted without entries");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      DigestEntry e = entries.get(i);
      if (e.rank() != i + 1 || !ids.add(e.arxivId()) || e.title().isBlank() || e.summary().contains("\r")) {
        fail(what + ": malformed entry " + e);
      }
    }
  }

  private static int lineCount(byte[] content) {
    int lines = 1;
    for (int i = 0; i < content.length; i++) {
      if (content[i] == '\n' || (content[i] == '\r' && (i + 1 >= content.length || content[i + 1] != '\n'))) {
        lines++;
      }
    }
    return lines;
  }
}
