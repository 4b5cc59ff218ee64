package dev.portico.usage.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV cells (RFC 4180 quoting) and formula neutralization (OWASP CSV injection). */
class UsageCsvTests {

  @Test
  void cellsThatASpreadsheetWouldRunAsFormulasGetALeadingQuote() {
    assertThat(UsageCsv.cell("=1+1")).isEqualTo("\"'=1+1\"");
    assertThat(UsageCsv.cell("+33 1")).isEqualTo("\"'+33 1\"");
    assertThat(UsageCsv.cell("-2")).isEqualTo("\"'-2\"");
    assertThat(UsageCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
    assertThat(UsageCsv.cell("\t=1")).isEqualTo("\"'\t=1\"");
    assertThat(UsageCsv.cell("\r=1")).isEqualTo("\"'\r=1\"");
  }

  @Test
  void otherCellsAreQuotedWithTheirQuotesDoubledAndOtherwiseUnchanged() {
    assertThat(UsageCsv.cell("CI pipeline")).isEqualTo("\"CI pipeline\"");
    assertThat(UsageCsv.cell("a \"b\", c")).isEqualTo("\"a \"\"b\"\", c\"");
    assertThat(UsageCsv.cell("a=b")).isEqualTo("\"a=b\"");
    assertThat(UsageCsv.cell("")).isEqualTo("\"\"");
    assertThat(UsageCsv.cell("105")).isEqualTo("\"105\"");
  }
}
