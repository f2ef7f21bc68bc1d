package org.entropyharness.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The report's mustache templates. HTML templates escape every {@code {{value}}}; the Markdown template escapes HTML
 * too (GitHub renders inline HTML) and also the characters that would break a table row.
 */
final class Templates {
  private static final String ROOT = "org/entropyharness/report";
  private static final DefaultMustacheFactory HTML = new DefaultMustacheFactory(ROOT);
  private static final DefaultMustacheFactory MARKDOWN = new MarkdownFactory();

  private Templates() {}

  /** Renders an HTML template with the given scope. */
  static String html(String template, Object scope) {
    return render(HTML.compile(template), scope);
  }

  /** Renders the Markdown template with the given scope. */
  static String markdown(String template, Object scope) {
    return render(MARKDOWN.compile(template), scope);
  }

  private static String render(Mustache mustache, Object scope) {
    StringWriter out = new StringWriter();
    mustache.execute(out, scope);
    return out.toString();
  }

  /** Escapes for a Markdown table cell: HTML special characters, pipes, backslashes, emphasis marks and newlines. */
  static String escapeMarkdown(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '|' -> sb.append("\\|");
        case '\\', '*', '_', '`', '[', ']' -> sb.append('\\').append(c);
        case '\n', '\r' -> sb.append(' ');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static final class MarkdownFactory extends DefaultMustacheFactory {
    MarkdownFactory() {
      super(ROOT);
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(escapeMarkdown(value));
      } catch (IOException e) {
        throw new MustacheException(new UncheckedIOException(e));
      }
    }
  }
}
