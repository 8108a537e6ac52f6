package io.paperboy.store;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Deterministic fake digests shaped like the real ones: 30 papers a day, ~2 KB summaries of Korean
 * sentences with English terms, a few to a dozen authors, a thumbnail. Words follow a Zipf
 * distribution over a vocabulary of real words (most frequent first) and generated ones, with
 * particles attached as in Korean text, so common words are in most summaries and rare ones in few.
 */
public final class SyntheticDigests {

  private static final String[] KOREAN_COMMON = {
      "모델", "데이터", "학습", "성능", "방법", "제안", "대규모", "언어", "비디오", "생성", "이해", "추론", "평가",
      "벤치마크", "결과", "효율적인", "확산모델", "양자화", "캡션", "주석", "전략", "구성", "요소", "기존", "우수하다"};
  private static final String[] PARTICLES = {"", "", "", "을", "를", "이", "가", "은", "는", "의", "에서", "으로", "과"};
  private static final String[] ENGLISH_COMMON = {
      "LLMs", "transformer", "diffusion", "RLHF", "GPT-4V", "benchmark", "tokens", "attention", "LoRA",
      "agents", "reasoning", "multimodal", "ViT", "MoE", "embedding", "latency", "retrieval", "alignment"};
  private static final String[] NAMES = {
      "Yu Qiao", "Feng Zhao", "Lin Chen", "Jinsong Li", "Xilin Wei", "Zehui Chen", "Haodong Duan", "Pan Zhang",
      "Dahua Lin", "Jiaqi Wang", "Minjoon Seo", "Kyunghyun Cho", "Jaewoo Kang", "Ada Lovelace"};

  private static final Vocabulary KOREAN = Vocabulary.of(KOREAN_COMMON, 3000, true, new Random(1));
  private static final Vocabulary ENGLISH = Vocabulary.of(ENGLISH_COMMON, 600, false, new Random(2));

  private SyntheticDigests() {}

  public static List<Digest> days(LocalDate first, int days, int perDay, long seed) {
    Random random = new Random(seed);
    List<Digest> out = new ArrayList<>(days);
    for (int d = 0; d < days; d++) {
      out.add(day(first.plusDays(d), d, perDay, random));
    }
    return out;
  }

  public static Digest day(LocalDate date, int dayIndex, int perDay, Random random) {
    List<DigestEntry> entries = new ArrayList<>(perDay);
    for (int r = 1; r <= perDay; r++) {
      String id = String.format("%04d.%05d", 2000 + dayIndex / 1000, (dayIndex % 1000) * 100 + r);
      entries.add(new DigestEntry(date, r, id, sentence(random, 10), ArxivId.absUrl(id),
          random.nextInt(10) == 0 ? Optional.empty() : Optional.of(random.nextInt(200)),
          authors(random), Optional.of("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/" + id + ".png"),
          summary(random)));
    }
    return new Digest(date, entries, "synthetic:" + date);
  }

  private static List<String> authors(Random random) {
    List<String> authors = new ArrayList<>();
    int n = 3 + random.nextInt(12);
    for (int i = 0; i < n; i++) {
      authors.add(NAMES[random.nextInt(NAMES.length)]);
    }
    return authors;
  }

  /** About 2 KB of UTF-8: bullet lines of Korean words with English terms mixed in. */
  public static String summary(Random random) {
    StringBuilder sb = new StringBuilder(1200);
    while (sb.toString().getBytes(StandardCharsets.UTF_8).length < 2000) {
      sb.append("- ").append(sentence(random, 18)).append(".\n");
    }
    return sb.toString();
  }

  private static String sentence(Random random, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      if (random.nextInt(4) == 0) {
        sb.append(ENGLISH.pick(random));
      } else {
        sb.append(KOREAN.pick(random)).append(PARTICLES[random.nextInt(PARTICLES.length)]);
      }
    }
    return sb.toString();
  }

  /** Words with Zipf frequencies: the k-th most common word is drawn with weight 1/k. */
  private static final class Vocabulary {
    private final String[] words;
    private final double[] cumulative;

    private Vocabulary(String[] words) {
      this.words = words;
      this.cumulative = new double[words.length];
      double sum = 0;
      for (int k = 0; k < words.length; k++) {
        sum += 1.0 / (k + 1);
        cumulative[k] = sum;
      }
    }

    static Vocabulary of(String[] common, int size, boolean hangul, Random random) {
      String[] words = Arrays.copyOf(common, size);
      for (int i = common.length; i < size; i++) {
        StringBuilder w = new StringBuilder();
        int length = 2 + random.nextInt(hangul ? 3 : 8);
        for (int j = 0; j < length; j++) {
          w.appendCodePoint(hangul ? 0xAC00 + random.nextInt(11172) : 'a' + random.nextInt(26));
        }
        words[i] = w.toString();
      }
      return new Vocabulary(words);
    }

    String pick(Random random) {
      double x = random.nextDouble() * cumulative[cumulative.length - 1];
      int i = Arrays.binarySearch(cumulative, x);
      return words[i >= 0 ? i : -i - 1];
    }
  }
}
