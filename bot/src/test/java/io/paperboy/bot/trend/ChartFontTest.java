package io.paperboy.bot.trend;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.store.CountPeriod;
import io.paperboy.store.PeriodCount;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Korean renders: the bundled font has real glyphs for Hangul (not the missing-glyph box), and a
 * chart's Korean title draws those glyphs. The tell-tale of tofu is that different characters
 * draw the same box, so two titles that differ only in their Hangul must differ in pixels.
 */
@DisplayName("chart text in Korean renders with the bundled font, not as empty boxes")
class ChartFontTest {

  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  @Test
  @DisplayName("the bundled font covers every Hangul syllable, Latin and the sparkline bars")
  void coverage() {
    StringBuilder all = new StringBuilder();
    for (char c = '\uAC00'; c <= '\uD7A3'; c++) {
      all.append(c);
    }
    assertThat(ChartFont.canDisplayUpTo(all.toString())).isEqualTo(-1);
    assertThat(ChartFont.canDisplayUpTo("확산 모델 vs diffusion transformer (41) – 2024-06-03 · ▁▂▃▄▅▆▇█ αβ × ≤"))
        .isEqualTo(-1);
    assertThat(ChartFont.plain(12f).getFamily()).isEqualTo("Noto Sans CJK KR");
  }

  @Test
  @DisplayName("Hangul glyphs have outlines of their own, unlike the missing-glyph box")
  void glyphsAreNotTheMissingBox() {
    Font font = ChartFont.plain(40f);
    Rectangle missing = font.createGlyphVector(FRC, new int[] {font.getMissingGlyphCode()}).getPixelBounds(FRC, 0, 0);
    for (String syllable : List.of("확", "산", "모", "델", "뷁")) {
      GlyphVector glyph = font.createGlyphVector(FRC, syllable);
      assertThat(glyph.getGlyphCode(0)).as(syllable).isNotEqualTo(font.getMissingGlyphCode());
      assertThat(glyph.getGlyphOutline(0).getBounds2D().isEmpty()).as(syllable).isFalse();
      assertThat(glyph.getPixelBounds(FRC, 0, 0)).as(syllable).isNotEqualTo(missing);
    }
  }

  @Test
  @DisplayName("a chart titled in Korean draws different pixels for different syllables, and ink where the title is")
  void koreanTitleRenders() throws IOException {
    BufferedImage diffusion = chart("확산 모델 추세");
    BufferedImage reasoning = chart("추론 능력 추세");
    BufferedImage again = chart("확산 모델 추세");

    // the title band: XChart centres the title at the top of the image
    assertThat(band(diffusion)).as("the same title draws the same pixels").isEqualTo(band(again));
    assertThat(band(diffusion)).as("different syllables draw differently: no tofu boxes").isNotEqualTo(band(reasoning));
    assertThat(darkPixels(diffusion)).as("the title is drawn at all").isGreaterThan(200);
  }

  @Test
  @DisplayName("the font file travels with its licence and notes")
  void licenceBesideTheFont() throws IOException {
    for (String name : List.of(ChartFont.RESOURCE, "NotoSansCJKkr-OFL.txt", "NotoSansCJKkr-README.md")) {
      try (InputStream in = ChartFont.class.getResourceAsStream(name)) {
        assertThat(in).as(name).isNotNull();
        if (name.endsWith("OFL.txt")) {
          assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
              .contains("SIL OPEN FONT LICENSE Version 1.1");
        }
      }
    }
  }

  private static BufferedImage chart(String title) throws IOException {
    List<PeriodCount> counts = List.of(new PeriodCount(LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 9), 3),
        new PeriodCount(LocalDate.of(2024, 6, 10), LocalDate.of(2024, 6, 16), 5));
    byte[] png = TrendChart.png(new TrendChart.Spec(title, "주 (월요일 시작)", "논문 수", "출처: 테스트",
        CountPeriod.WEEK, List.of(new TrendChart.Series("확산", counts))));
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  private static int[] band(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), 45, null, 0, image.getWidth());
  }

  private static int darkPixels(BufferedImage image) {
    int dark = 0;
    for (int rgb : band(image)) {
      Color c = new Color(rgb);
      if (c.getRed() + c.getGreen() + c.getBlue() < 3 * 128) {
        dark++;
      }
    }
    return dark;
  }
}
