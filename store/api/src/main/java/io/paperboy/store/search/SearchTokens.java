package io.paperboy.store.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns text into the tokens every backend's full-text index stores and every query term is made
 * of. The same code runs on both sides, and in {@link io.paperboy.store.query.QueryMatcher}, so
 * whatever it does to a word, a query for that word matches it, on any backend.
 *
 * <p>Why not a database's own tokenizer: SQLite's {@code unicode61} (like PostgreSQL's
 * {@code simple} configuration) splits on spaces only, so Korean particles and compounds stay
 * glued to their word ({@code 모델을}, {@code 확산모델}); {@code trigram} silently finds nothing for
 * terms under three characters, which is most Korean words; and a custom tokenizer cannot be
 * written in Java. So the tokens are derived here, and a backend indexes text ({@link #indexText})
 * that it only needs to split on spaces.
 *
 * <ul>
 *   <li>Hangul (and Han, Hiragana, Katakana) runs become overlapping two-character grams followed
 *       by the run's last character: {@code 확산모델을} → {@code 확산 산모 모델 델을 을}; a
 *       one-character run stays as it is. So every character of a run starts a token. A query
 *       term becomes the phrase of its grams ({@link #queryTokens}, without the final run's last
 *       character, since the text may go on there), so {@code 모델} finds {@code 모델을} and
 *       {@code 확산모델}, and {@code 확산모델} needs the three grams in a row. A term that ends in a
 *       one-character run matches that character as a token prefix ({@link #lastIsPrefix}), so a
 *       one-syllable word matches inside words as longer ones do: {@code 눈} finds {@code 눈에}
 *       (gram {@code 눈에}) and {@code 첫눈} (final {@code 눈}), {@code 음} finds {@code 음성}.</li>
 *   <li>Other letters and digits form words, lower-cased; ASCII words of four letters or more lose
 *       a simple English plural ({@link #singular}): {@code LLMs} → {@code llm}, so {@code LLM}
 *       finds {@code LLMs} but never {@code LLMOps} (words match whole, not as prefixes).</li>
 *   <li>Everything else (spaces, punctuation, symbols, quotes, operators) only separates tokens.
 *       Text is NFKC-normalised first, so full-width letters and decomposed Hangul match too.</li>
 * </ul>
 */
public final class SearchTokens {

  private SearchTokens() {}

  /** Receives tokens; {@code runEnd} marks the last character repeated after a run of two or more. */
  private interface Sink {
    void accept(String token, boolean runEnd);
  }

  /** The index tokens of {@code text}, in order. */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    scan(text, (token, runEnd) -> out.add(token));
    return out;
  }

  /**
   * The tokens a query term of {@code text} looks for, in order: its {@link #tokens} without the
   * last character of a final run of two or more (the text may continue that word: {@code 모델}
   * must find {@code 모델을}, whose tokens are {@code 모델 델을 을}). A term matches where these occur
   * consecutively, the last one as a prefix when {@link #lastIsPrefix} says so.
   */
  public static List<String> queryTokens(String text) {
    List<String> out = new ArrayList<>();
    boolean[] lastIsRunEnd = {false};
    scan(text, (token, runEnd) -> {
      out.add(token);
      lastIsRunEnd[0] = runEnd;
    });
    if (lastIsRunEnd[0]) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /**
   * Whether the last of these {@link #queryTokens} matches every index token it begins: true when
   * it is a single Hangul (or Han, Hiragana, Katakana) character, i.e. the term ends in a
   * one-character run. Every occurrence of a character in a run begins a token (a gram, or the
   * run's final character), so {@code 눈} as a prefix finds {@code 눈에}, {@code 첫눈} and
   * {@code 눈} alone; an exact match would find only the last.
   */
  public static boolean lastIsPrefix(List<String> queryTokens) {
    if (queryTokens.isEmpty()) {
      return false;
    }
    String last = queryTokens.get(queryTokens.size() - 1);
    int cp = last.codePointAt(0);
    return Character.charCount(cp) == last.length() && isGramScript(cp);
  }

  /** {@code text} as the index stores it: its tokens joined by single spaces. */
  public static String indexText(String text) {
    StringBuilder sb = new StringBuilder(text.length() * 3);
    scan(text, (token, runEnd) -> {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(token);
    });
    return sb.toString();
  }

  private static void scan(String text, Sink sink) {
    String s = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (isGramScript(cp)) {
        i = grams(s, i, sink);
      } else if (isWordChar(cp)) {
        int end = i;
        while (end < s.length()) {
          int next = s.codePointAt(end);
          if (!isWordChar(next) || isGramScript(next)) {
            break;
          }
          end += Character.charCount(next);
        }
        sink.accept(singular(s.substring(i, end).toLowerCase(Locale.ROOT)), false);
        i = end;
      } else {
        i += Character.charCount(cp);
      }
    }
  }

  /**
   * A deliberately simple English singular, applied alike to indexed text and queries, so it only
   * has to be consistent, not linguistically right: {@code -ies} → {@code -y}; {@code -sses},
   * {@code -xes}, {@code -ches}, {@code -shes} lose {@code es}; words ending in {@code ss} or
   * {@code is}, and in {@code us} from five letters on ({@code corpus}, {@code status}), stay, while
   * four-letter ones lose it ({@code GPUs}, {@code TPUs}); any other final {@code s} goes. Only
   * ASCII words of four letters or more, so {@code gas}, {@code its} and {@code 3s} stay. Known
   * misses: {@code biases} vs {@code bias}, {@code caches} vs {@code cache}, {@code focuses} vs
   * {@code focus}, {@code movies} vs {@code movie}.
   */
  static String singular(String word) {
    int n = word.length();
    if (n < 4 || !isAsciiLowerLetters(word)) {
      return word;
    }
    if (word.endsWith("ies") && n > 4) {
      return word.substring(0, n - 3) + "y";
    }
    if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")) {
      return word.substring(0, n - 2);
    }
    if (word.endsWith("ss") || word.endsWith("is") || word.endsWith("us") && n >= 5) {
      return word;
    }
    return word.endsWith("s") ? word.substring(0, n - 1) : word;
  }

  /**
   * Emits the grams of the run starting at {@code start}, then (for a run of two or more) its last
   * character; returns the index after the run.
   */
  private static int grams(String s, int start, Sink sink) {
    int previousAt = start;
    int i = start + Character.charCount(s.codePointAt(start));
    if (i >= s.length() || !isGramScript(s.codePointAt(i))) {
      sink.accept(s.substring(start, i), false);
      return i;
    }
    while (i < s.length()) {
      int current = s.codePointAt(i);
      if (!isGramScript(current)) {
        break;
      }
      int end = i + Character.charCount(current);
      sink.accept(s.substring(previousAt, end), false);
      previousAt = i;
      i = end;
    }
    sink.accept(s.substring(previousAt, i), true);
    return i;
  }

  /** Scripts written without spaces between words (or with particles attached), indexed as grams. */
  private static boolean isGramScript(int cp) {
    if (cp < 0x2E80) { // below the CJK blocks: Latin, digits, punctuation
      return false;
    }
    if (cp >= 0xAC00 && cp <= 0xD7A3) { // Hangul syllables
      return true;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA) && Character.isLetter(cp);
  }

  /** unicode61's default token characters (categories L*, N*, Co), plus marks that belong to a word. */
  private static boolean isWordChar(int cp) {
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
      case Character.PRIVATE_USE:
      case Character.NON_SPACING_MARK:
      case Character.COMBINING_SPACING_MARK:
        return true;
      default:
        return false;
    }
  }

  private static boolean isAsciiLowerLetters(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }
}
