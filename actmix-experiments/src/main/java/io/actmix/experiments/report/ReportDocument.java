package io.actmix.experiments.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as a list of blocks, written as Markdown or as one HTML page from the same blocks, so
 * that the two never say different things. Images are referenced by file name, relative to the
 * report.
 */
final class ReportDocument {

  /** One block of the report. */
  sealed interface Block permits Heading, Paragraph, Table, Image, Bullets {}

  record Heading(int level, String text) implements Block {}

  record Paragraph(String text) implements Block {}

  record Bullets(List<String> items) implements Block {}

  /** A table; the first column is left-aligned, the others right-aligned. */
  record Table(List<String> header, List<List<String>> rows) implements Block {}

  record Image(String file, String caption) implements Block {}

  private final List<Block> blocks = new ArrayList<>();

  ReportDocument heading(int level, String text) {
    blocks.add(new Heading(level, text));
    return this;
  }

  ReportDocument paragraph(String text) {
    blocks.add(new Paragraph(text));
    return this;
  }

  ReportDocument bullets(List<String> items) {
    if (!items.isEmpty()) {
      blocks.add(new Bullets(List.copyOf(items)));
    }
    return this;
  }

  ReportDocument table(List<String> header, List<List<String>> rows) {
    blocks.add(new Table(List.copyOf(header), List.copyOf(rows)));
    return this;
  }

  ReportDocument image(String file, String caption) {
    blocks.add(new Image(file, caption));
    return this;
  }

  /** The images the report shows, in order. */
  List<String> images() {
    return blocks.stream().filter(Image.class::isInstance).map(b -> ((Image) b).file()).toList();
  }

  String toMarkdown() {
    StringBuilder out = new StringBuilder();
    for (Block block : blocks) {
      if (block instanceof Heading h) {
        out.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
      } else if (block instanceof Paragraph p) {
        out.append(p.text()).append("\n\n");
      } else if (block instanceof Bullets b) {
        b.items().forEach(item -> out.append("- ").append(item).append('\n'));
        out.append('\n');
      } else if (block instanceof Table t) {
        out.append("| ").append(String.join(" | ", t.header())).append(" |\n|");
        for (int c = 0; c < t.header().size(); c++) {
          out.append(c == 0 ? " --- |" : " ---: |");
        }
        out.append('\n');
        t.rows().forEach(row -> out.append("| ").append(String.join(" | ", row)).append(" |\n"));
        out.append('\n');
      } else if (block instanceof Image i) {
        out.append("![").append(i.caption()).append("](").append(i.file()).append(")\n\n");
      }
    }
    return out.toString();
  }

  String toHtml(String title) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;")
        .append("color:#222;line-height:1.45}\n")
        .append("table{border-collapse:collapse;margin:1em 0;font-size:0.9em}\n")
        .append("th,td{border:1px solid #ccc;padding:0.25em 0.6em}th{background:#f0f0f0}\n")
        .append("td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
        .append("figure{margin:1.5em 0}figure img{max-width:100%;border:1px solid #ddd}\n")
        .append("figcaption{font-size:0.9em;color:#555}code{background:#f4f4f4}\n")
        .append("</style>\n</head>\n<body>\n");
    for (Block block : blocks) {
      if (block instanceof Heading h) {
        out.append("<h").append(h.level()).append('>').append(inline(h.text()));
        out.append("</h").append(h.level()).append(">\n");
      } else if (block instanceof Paragraph p) {
        out.append("<p>").append(inline(p.text())).append("</p>\n");
      } else if (block instanceof Bullets b) {
        out.append("<ul>\n");
        b.items().forEach(item -> out.append("<li>").append(inline(item)).append("</li>\n"));
        out.append("</ul>\n");
      } else if (block instanceof Table t) {
        out.append("<table>\n<tr>");
        t.header().forEach(h -> out.append("<th>").append(inline(h)).append("</th>"));
        out.append("</tr>\n");
        for (List<String> row : t.rows()) {
          out.append("<tr>");
          for (int c = 0; c < row.size(); c++) {
            out.append(c == 0 ? "<td>" : "<td class=\"n\">").append(inline(row.get(c)));
            out.append("</td>");
          }
          out.append("</tr>\n");
        }
        out.append("</table>\n");
      } else if (block instanceof Image i) {
        out.append("<figure><img src=\"").append(escape(i.file())).append("\" alt=\"");
        out.append(escape(i.caption())).append("\"><figcaption>").append(inline(i.caption()));
        out.append("</figcaption></figure>\n");
      }
    }
    return out.append("</body>\n</html>\n").toString();
  }

  /** Escapes HTML, then renders Markdown's {@code `code`} and {@code **bold**}. */
  private static String inline(String text) {
    return escape(text)
        .replaceAll("`([^`]*)`", "<code>$1</code>")
        .replaceAll("\\*\\*([^*]*)\\*\\*", "<strong>$1</strong>");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
