package io.paperboy.scheduler.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints how long a 70-paper day takes to parse (run with {@code -Dgroups=benchmark}). Prints
 * rather than asserts: times on shared CI cores are noise. Thread CPU time is printed beside wall
 * time because other processes on the machine inflate the latter.
 */
@Tag("benchmark")
@DisplayName("DigestParser benchmark")
class DigestParserBenchmark {

  private static final int PAPERS = 70;

  static byte[] seventyPaperDay() {
    StringBuilder md = new StringBuilder("## Daily Papers (2025-03-04)\n");
    for (int i = 1; i <= PAPERS; i++) {
      String id = String.format("2503.%05d", i);
      md.append("\n### [Paper ").append(i).append(": 대규모 언어 모델의 $\\times$ 효율적 추론 & [IDK] 토큰](https://arxiv.org/abs/")
          .append(id).append(")\n\n![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/").append(id)
          .append(".png)\n\nVote: ").append(100 - i).append("\n\nAuthors: Yu Qiao, Feng Zhao, Lin Chen, Jinsong Li, Xilin Wei\n\n")
          .append("- ***What's New***: 이 논문은 긴 문맥을 효율적으로 처리하기 위한 새로운 프레임워크를 제안합니다. 문서를 청크로 나누고 각 청크의 중간 답변을 집계합니다.\n")
          .append("- ***Technical Details***: 구조화된 정보 프로토콜과 컨텍스트 내 신뢰도 조정 메커니즘(In-Context Confidence Calibration)을 도입합니다.\n")
          .append("- ***Performance Highlights***: InfiniteBench 실험에서 기존 오픈 소스 및 상용 모델보다 우수한 성능을 보입니다.\n");
    }
    return md.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("a 70-paper day")
  void seventyPapers() throws Exception {
    DigestParser parser = new DigestParser();
    byte[] day = seventyPaperDay();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    // long warm-up: with other processes on the cores, the JIT needs a while to compile the hot path
    for (int i = 0; i < 2000; i++) {
      parser.parse("bench.md", day);
    }
    int runs = 300;
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    int entries = 0;
    for (int i = 0; i < runs; i++) {
      entries += parser.parse("bench.md", day).entries().size();
    }
    double wallMs = (System.nanoTime() - wall) / 1e6 / runs;
    double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / runs;

    System.out.printf("DigestParser: %d papers, %d KB: %.2f ms wall, %.2f ms CPU per parse after warm-up%n",
        PAPERS, day.length / 1024, wallMs, cpuMs);
    assertThat(entries).isEqualTo(PAPERS * runs);
  }
}
