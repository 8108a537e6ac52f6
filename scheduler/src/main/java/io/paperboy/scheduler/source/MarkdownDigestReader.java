package io.paperboy.scheduler.source;

import io.paperboy.store.Digest;

/**
 * Turns the bytes of a markdown digest into a {@link Digest}. The composition root implements it
 * with the real parser ({@code parser::parse}); keeping it a one-method interface lets the sources
 * be tested without markdown at all.
 */
@FunctionalInterface
public interface MarkdownDigestReader {

  /**
   * Reads one digest.
   *
   * @param sourceName where the bytes came from (a file path or URL); the reader uses it in its
   *                   messages, e.g. {@code https://host/2024/06/07.md:12: paper heading without arXiv link}
   * @param content    the raw bytes, UTF-8
   * @return the digest, all of it
   * @throws Exception when the content is not a digest; its message says where and why and is
   *                   reported as is
   */
  Digest read(String sourceName, byte[] content) throws Exception;
}
