package io.paperboy.core.format;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the LaTeX-ish fragments digest titles and summaries carry ({@code $\times$},
 * {@code $\alpha$}, {@code $^2$}) readable in chat, where nothing renders math.
 */
public final class Latex {

  private static final Map<String, String> SYMBOLS = Map.ofEntries(
      Map.entry("times", "×"), Map.entry("cdot", "·"), Map.entry("approx", "≈"),
      Map.entry("leq", "≤"), Map.entry("le", "≤"), Map.entry("geq", "≥"), Map.entry("ge", "≥"),
      Map.entry("neq", "≠"), Map.entry("pm", "±"), Map.entry("infty", "∞"),
      Map.entry("rightarrow", "→"), Map.entry("to", "→"), Map.entry("leftarrow", "←"),
      Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"),
      Map.entry("delta", "δ"), Map.entry("epsilon", "ε"), Map.entry("theta", "θ"),
      Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("pi", "π"),
      Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("phi", "φ"),
      Map.entry("omega", "ω"), Map.entry("Delta", "Δ"), Map.entry("Sigma", "Σ"),
      Map.entry("sim", "~"), Map.entry("%", "%"), Map.entry("&", "&"), Map.entry("_", "_"));

  private static final Pattern MATH = Pattern.compile("\\$([^$\\n]{1,80})\\$");
  private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+|[%&_])\\s?");
  private static final Pattern TEXT_WRAP = Pattern.compile("\\\\(?:text|textbf|textit|mathrm|mathbf|mathcal|emph)\\{([^{}]*)}");

  private Latex() {}

  /** Replaces {@code $…$} spans with readable text; text without {@code $…$} is returned unchanged. */
  public static String readable(String text) {
    Matcher m = MATH.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    do {
      // "$5 and $10" is money, not math: only spans with TeX syntax are rewritten
      String body = m.group(1);
      boolean tex = body.indexOf('\\') >= 0 || body.indexOf('^') >= 0 || body.indexOf('_') >= 0 || body.indexOf('{') >= 0;
      m.appendReplacement(out, Matcher.quoteReplacement(tex ? math(body) : m.group()));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }

  private static String math(String body) {
    String s = TEXT_WRAP.matcher(body).replaceAll("$1");
    Matcher m = COMMAND.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String symbol = SYMBOLS.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(symbol != null ? symbol : m.group(1)));
    }
    m.appendTail(out);
    s = out.toString().replace("^{", "^").replace("_{", "_").replace("{", "").replace("}", "");
    return s.replaceAll("\\s+", " ").trim();
  }
}
