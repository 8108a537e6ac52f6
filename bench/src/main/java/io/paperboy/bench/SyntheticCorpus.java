package io.paperboy.bench;

import io.paperboy.store.ArxivId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic synthetic digests in the reference markdown shape: 10–70 papers a day, Korean
 * summaries of about 2 KB with English terms, author lists from 1 to several hundred names.
 */
public final class SyntheticCorpus {

  /** One generated day: its date, its markdown, and the arXiv ids it lists. */
  public record Day(LocalDate date, byte[] markdown, List<String> ids) {}

  private static final String[] KOREAN = {
      "모델을", "확산모델", "학습", "데이터셋", "성능이", "향상되었다", "제안한다", "비디오", "생성", "언어", "추론", "강화학습",
      "평가", "벤치마크에서", "효율적인", "방법을", "이미지", "텍스트", "정렬", "대규모", "양자화된", "에이전트", "멀티모달",
      "실험", "결과", "기존", "방법보다", "우수한", "성능을", "보였다", "토큰", "주의", "메커니즘", "구조를", "설계했다"};
  private static final String[] ENGLISH = {
      "LLM", "LLMs", "diffusion", "transformer", "agent", "RLHF", "DPO", "benchmark", "vision-language", "MoE",
      "tokenizer", "retrieval", "alignment", "reasoning", "quantization", "GPT-4o", "Mamba", "LoRA"};
  private static final String[] NAMES = {
      "Yu Qiao", "Lin Chen", "Ana Kim", "Bo Lee", "Jian Ren", "Sergey Tulyakov", "Hyunwoo Park", "Mei Wang",
      "Olga Petrova", "Ravi Shah", "Tomás García", "Jisoo Choi", "Kenji Sato", "Fatima Zahra"};

  private final Random random;

  public SyntheticCorpus(long seed) {
    this.random = new Random(seed);
  }

  /** Days from {@code start} on, until at least {@code papers} papers were listed; ids never repeat. */
  public List<Day> days(LocalDate start, int papers) {
    List<Day> days = new ArrayList<>();
    int serial = 0;
    LocalDate date = start;
    while (serial < papers) {
      int n = Math.min(papers - serial, 10 + random.nextInt(61));
      StringBuilder md = new StringBuilder("## Daily Papers (").append(date).append(")\n\n");
      List<String> ids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        serial++;
        ids.add(id(serial));
        String id = ids.get(ids.size() - 1);
        paper(md, id, 200 - i * 2 + random.nextInt(5));
      }
      days.add(new Day(date, md.toString().getBytes(StandardCharsets.UTF_8), ids));
      date = date.plusDays(1);
    }
    return days;
  }

  /** A unique, well-formed new-style arXiv id for the n-th paper (YYMM.NNNNN). */
  static String id(int n) {
    int block = n / 90_000;
    return String.format("%02d%02d.%05d", 10 + block / 12, 1 + block % 12, 10_000 + n % 90_000);
  }

  private void paper(StringBuilder md, String id, int votes) {
    md.append("### [").append(sentence(6 + random.nextInt(8), true)).append("](").append(ArxivId.absUrl(id))
        .append(")\n\n");
    md.append("![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/").append(id).append(".png)\n\n");
    md.append("Vote: ").append(Math.max(0, votes)).append("\n\n");
    int authors = random.nextInt(20) == 0 ? 100 + random.nextInt(400) : 1 + random.nextInt(12);
    md.append("Authors: ");
    for (int a = 0; a < authors; a++) {
      md.append(a == 0 ? "" : ", ").append(NAMES[random.nextInt(NAMES.length)]);
    }
    md.append("\n\n");
    int bytes = 0;
    while (bytes < 2000) {
      String line = "- " + sentence(12 + random.nextInt(10), false) + "\n";
      md.append(line);
      bytes += line.getBytes(StandardCharsets.UTF_8).length;
    }
    md.append('\n');
  }

  private String sentence(int words, boolean title) {
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        sb.append(' ');
      }
      boolean english = title ? random.nextInt(3) > 0 : random.nextInt(4) == 0;
      sb.append(english ? ENGLISH[random.nextInt(ENGLISH.length)] : KOREAN[random.nextInt(KOREAN.length)]);
    }
    return sb.append(title ? "" : ".").toString();
  }
}
