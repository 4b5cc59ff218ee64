package dev.portico.usage.web;

import dev.portico.usage.DailyCalls;
import dev.portico.usage.UsageDimension;
import dev.portico.usage.UsageRange;
import dev.portico.usage.web.BreakdownLabels.BreakdownLine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The usage page's CSV export (USE-6), RFC 4180: every cell quoted, quotes doubled, CRLF line ends.
 * Names come from users (application, key and user names), so a cell that a spreadsheet would run
 * as a formula (it starts with {@code = + - @}, or a tab or carriage return) gets a leading {@code
 * '} (OWASP "CSV injection").
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4180">RFC 4180</a>
 * @see <a href="https://owasp.org/www-community/attacks/CSV_Injection">OWASP CSV injection</a>
 */
final class UsageCsv {

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private UsageCsv() {}

  /** Calls per day: {@code date,calls}. */
  static String days(List<DailyCalls> series) {
    StringBuilder csv = new StringBuilder();
    row(csv, "date", "calls");
    series.forEach(d -> row(csv, d.date().toString(), Long.toString(d.calls())));
    return csv.toString();
  }

  /** A breakdown: {@code <dimension>,name,detail,calls}, most calls first. */
  static String breakdown(UsageDimension dimension, List<BreakdownLine> lines) {
    StringBuilder csv = new StringBuilder();
    row(csv, dimension.code(), "name", "detail", "calls");
    for (BreakdownLine line : lines) {
      String detail =
          line.label().note() != null
              ? line.label().note()
              : Objects.requireNonNullElse(line.label().detail(), "");
      row(
          csv,
          line.row().key(),
          line.label().name(),
          Objects.requireNonNull(detail),
          Long.toString(line.row().calls()));
    }
    return csv.toString();
  }

  /** The download: {@code text/csv}, an attachment with a name that says what it holds. */
  static ResponseEntity<String> download(
      String account, UsageRange range, @Nullable UsageDimension dimension, String csv) {
    String filename =
        "api-usage-"
            + account
            + "-"
            + range.from()
            + "-to-"
            + range.to()
            + "-by-"
            + (dimension == null ? UsageParameters.DAY : dimension.code())
            + ".csv";
    return ResponseEntity.ok()
        .contentType(TEXT_CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(csv);
  }

  /** A cell as written: neutralized, then quoted. */
  static String cell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }

  private static void row(StringBuilder csv, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells[i]));
    }
    csv.append("\r\n");
  }
}
