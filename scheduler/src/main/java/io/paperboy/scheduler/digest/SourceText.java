package io.paperboy.scheduler.digest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A digest file's text, checked and decoded: at most {@link #MAX_BYTES}, not binary, strict UTF-8,
 * a leading BOM dropped, and every line ending ({@code CRLF}, lone {@code CR}) turned into
 * {@code LF}. Line numbering is unchanged by that normalisation, so an index here is the file's
 * line minus one — the same lines commonmark counts in its source spans.
 */
final class SourceText {

  /** Real digests are 10–60 KB; anything past this is not one, and is refused before reading. */
  static final long MAX_BYTES = 5L * 1024 * 1024;

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  // A stray TAB or form feed (a "\t" or "\f" of LaTeX once interpreted) is fine; binary data has
  // many more control bytes than this share.
  private static final int MIN_CONTROLS_FOR_BINARY = 8;
  private static final int MAX_CONTROL_PERCENT = 2;

  private final String source;
  private final String text;
  private final int[] lineStarts;

  private SourceText(String source, String text) {
    this.source = source;
    this.text = text;
    this.lineStarts = lineStarts(text);
  }

  /** Checks and decodes a file's bytes; {@code source} names it in refusals. */
  static SourceText decode(String source, byte[] content) throws DigestRejectedException {
    if (content.length > MAX_BYTES) {
      throw tooLarge(source, content.length);
    }
    int start = startsWithBom(content) ? BOM.length : 0;
    rejectBinary(source, content, start);
    String decoded = decodeStrictUtf8(source, content, start);
    return new SourceText(source, normaliseLineEnds(decoded));
  }

  static DigestRejectedException tooLarge(String source, long size) {
    return new DigestRejectedException(source, 1,
        "file is " + size + " bytes, larger than any digest (limit " + MAX_BYTES / (1024 * 1024) + " MiB)");
  }

  String source() {
    return source;
  }

  /** The whole normalised text, as handed to the markdown parser. */
  String text() {
    return text;
  }

  /** Line {@code index} (0-based) without its line ending. */
  String line(int index) {
    int from = lineStarts[index];
    int to = index + 1 < lineStarts.length ? lineStarts[index + 1] - 1 : text.length();
    return text.substring(from, to);
  }

  private static boolean startsWithBom(byte[] content) {
    return content.length >= BOM.length && Arrays.equals(content, 0, BOM.length, BOM, 0, BOM.length);
  }

  private static void rejectBinary(String source, byte[] content, int start) throws DigestRejectedException {
    int controls = 0;
    int firstControl = -1;
    for (int i = start; i < content.length; i++) {
      int b = content[i] & 0xFF;
      if (b == 0) {
        throw new DigestRejectedException(source, lineOfByte(content, start, i), "binary data (NUL byte), not a text digest");
      }
      if (isControl(b)) {
        controls++;
        if (firstControl < 0) {
          firstControl = i;
        }
      }
    }
    long length = content.length - start;
    if (controls >= MIN_CONTROLS_FOR_BINARY && controls * 100L > length * MAX_CONTROL_PERCENT) {
      throw new DigestRejectedException(source, lineOfByte(content, start, firstControl),
          "binary data (" + controls + " control bytes in " + length + " bytes), not a text digest");
    }
  }

  private static boolean isControl(int b) {
    return (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F;
  }

  private static String decodeStrictUtf8(String source, byte[] content, int start) throws DigestRejectedException {
    // The String constructor is the JDK's fast path; it turns bad bytes into U+FFFD. Only when a
    // U+FFFD shows up does the strict decoder run, to find the bad byte — or to find none, when the
    // file really holds that character.
    String text = new String(content, start, content.length - start, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') >= 0) {
      rejectMalformed(source, content, start);
    }
    return text;
  }

  private static void rejectMalformed(String source, byte[] content, int start) throws DigestRejectedException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
    // UTF-8 never yields more chars than bytes, so one buffer of that size always suffices.
    CharBuffer out = CharBuffer.allocate(content.length - start);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int bad = in.position();
      int lead = content[bad] & 0xFF;
      boolean cutAtEnd = bad + result.length() == content.length && lead >= 0xC2 && lead <= 0xF4;
      throw new DigestRejectedException(source, lineOfByte(content, start, bad), cutAtEnd
          ? "invalid UTF-8 (the file ends inside a character)"
          : String.format("invalid UTF-8 (byte 0x%02X is not part of a valid character)", lead));
    }
  }

  /** The 1-based line holding byte {@code pos}, counting LF, CRLF and lone CR as line ends. */
  private static int lineOfByte(byte[] content, int start, int pos) {
    int line = 1;
    for (int i = start; i < pos && i < content.length; i++) {
      if (content[i] == '\n' || (content[i] == '\r' && (i + 1 >= content.length || content[i + 1] != '\n'))) {
        line++;
      }
    }
    return line;
  }

  private static String normaliseLineEnds(String text) {
    if (text.indexOf('\r') < 0) {
      return text;
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static int[] lineStarts(String text) {
    int[] starts = new int[64];
    int count = 1;
    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = nl + 1;
    }
    return Arrays.copyOf(starts, count);
  }
}
