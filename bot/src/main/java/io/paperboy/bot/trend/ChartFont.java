package io.paperboy.bot.trend;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The font of every text in a chart: a subset of Noto Sans CJK KR bundled as a resource (see
 * {@code NotoSansCJKkr-README.md} beside it for what it covers, where it comes from and its
 * licence, SIL OFL 1.1, in {@code NotoSansCJKkr-OFL.txt}). The JDK has no font with Hangul glyphs
 * and a server may have none installed, so the logical fonts would draw Korean as empty boxes.
 * Loaded once, on first use, with {@link Font#createFont}.
 */
final class ChartFont {

  static final String RESOURCE = "NotoSansCJKkr-Regular-subset.otf";

  static {
    headless();
  }

  private ChartFont() {}

  /**
   * Asks AWT to run headless unless told otherwise: a server has no display, and drawing into an
   * image needs none. Effective only before AWT's graphics environment starts, hence called from
   * the static initialisers of the chart classes, the first of them to touch AWT.
   */
  static void headless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static final class Loaded {
    static final Font BASE = load();
  }

  /** The bundled font at {@code size} points, plain. */
  static Font plain(float size) {
    return Loaded.BASE.deriveFont(Font.PLAIN, size);
  }

  /** The bundled font at {@code size} points, bold (synthesised: the subset has one weight). */
  static Font bold(float size) {
    return Loaded.BASE.deriveFont(Font.BOLD, size);
  }

  /**
   * The index of the first character of {@code text} the font cannot draw, or -1 when it draws
   * all of it ({@link Font#canDisplayUpTo(String)}).
   */
  static int canDisplayUpTo(String text) {
    return Loaded.BASE.canDisplayUpTo(text);
  }

  private static Font load() {
    try (InputStream in = ChartFont.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the chart font " + RESOURCE + " is missing from the jar");
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the chart font " + RESOURCE, e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("the chart font " + RESOURCE + " is not a font Java can read", e);
    }
  }
}
