package io.paperboy.bot.console;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jline.builtins.ScreenTerminal;

/**
 * What a terminal shows: collects the bytes a JLine terminal writes and replays them through
 * JLine's VT100 emulator, so a test asserts the screen a person would see (where each line ended
 * up, where the cursor is) rather than the escape sequences that drew it.
 */
final class TerminalScreen extends OutputStream {

  /** A screen: its lines (trailing blanks removed) and the cursor's row and column. */
  record Shot(List<String> lines, int cursorRow, int cursorColumn) {

    /** The lines up to the last non-blank one. */
    List<String> content() {
      int end = lines.size();
      while (end > 0 && lines.get(end - 1).isEmpty()) {
        end--;
      }
      return lines.subList(0, end);
    }

    String last() {
      List<String> c = content();
      return c.isEmpty() ? "" : c.get(c.size() - 1);
    }

    @Override
    public String toString() {
      return String.join("\n", content()) + "\n(cursor at row " + cursorRow + ", column " + cursorColumn + ")";
    }
  }

  final int columns;
  final int rows;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  TerminalScreen(int columns, int rows) {
    this.columns = columns;
    this.rows = rows;
  }

  @Override
  public synchronized void write(int b) {
    bytes.write(b);
    notifyAll();
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    bytes.write(b, off, len);
    notifyAll();
  }

  /** Everything written so far, as text (escape sequences included). */
  synchronized String raw() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  synchronized Shot shot() {
    ScreenTerminal screen = new ScreenTerminal(columns, rows);
    screen.write(raw());
    long[] cells = new long[columns * rows];
    int[] cursor = new int[2];
    screen.dump(cells, 0, 0, rows, columns, cursor);
    List<String> lines = new ArrayList<>();
    for (int y = 0; y < rows; y++) {
      StringBuilder line = new StringBuilder();
      for (int x = 0; x < columns; x++) {
        line.appendCodePoint((int) (cells[y * columns + x] & 0xffffffffL));
      }
      lines.add(line.toString().stripTrailing());
    }
    return new Shot(lines, cursor[1], cursor[0]);
  }

  /**
   * Waits until the screen satisfies {@code condition}, woken by each write; the generous timeout
   * only turns a hang into a failure that shows the screen.
   */
  synchronized Shot await(String what, Predicate<Shot> condition) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    Shot shot = shot();
    while (!condition.test(shot)) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new AssertionError("the screen never showed " + what + "; it shows:\n" + shot);
      }
      wait(Math.min(left, 200));
      shot = shot();
    }
    return shot;
  }
}
