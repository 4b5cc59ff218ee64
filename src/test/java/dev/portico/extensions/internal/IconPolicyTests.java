package dev.portico.extensions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.system.InvalidInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * EXT-6: which bytes make an icon. PNGs are recognised by their signature and header and must
 * decode; SVGs are sanitized (the hostile side is {@link HostileSvgTests}); a file name or a
 * declared type never plays a part, since {@link IconPolicy#accept} sees only bytes.
 */
class IconPolicyTests {

  private final IconPolicy policy = new IconPolicy();

  @Test
  void validPngIsStoredAsUploaded() {
    byte[] png = png(32, 32);
    ExtensionRows.Icon icon = policy.accept(png);
    assertThat(icon.type()).isEqualTo("image/png");
    assertThat(icon.bytes()).isEqualTo(png);
  }

  @Test
  void truncatedPngIsRefused() {
    byte[] png = noisyPng(64, 64);
    refused(Arrays.copyOf(png, png.length / 2), "is not a readable PNG image");
  }

  @Test
  void pngWithCorruptImageDataIsRefused() {
    byte[] png = noisyPng(64, 64);
    for (int i = 60; i < png.length - 30; i++) {
      png[i] ^= 0x5a;
    }
    refused(png, "is not a readable PNG image");
  }

  @Test
  void pngSignatureWithoutHeaderChunkIsRefused() {
    byte[] png = png(16, 16);
    png[12] = 'X'; // IHDR → XHDR
    refused(png, "is not a readable PNG image");
  }

  @Test
  void wrongSignatureIsRefused() {
    byte[] png = png(16, 16);
    png[1] = 'Q';
    refused(png, "must be a PNG or SVG image");
  }

  @Test
  void pngLargerThan1024PixelsIsRefusedFromItsHeader() {
    refused(png(1025, 1), "must be at most 1024×1024 pixels (icons show at 16–32 px)");
    refused(png(1, 1025), "must be at most 1024×1024 pixels (icons show at 16–32 px)");
    byte[] huge = png(16, 16);
    ByteBuffer.wrap(huge, 16, 8).putInt(0x7fff_ffff).putInt(0x7fff_ffff); // a decompression bomb
    refused(huge, "must be at most 1024×1024 pixels (icons show at 16–32 px)");
  }

  @Test
  void fileOf300KibIsRefusedBeforeItIsRead() {
    byte[] big = Arrays.copyOf(png(16, 16), 300 * 1024);
    refused(big, "must be at most 256 KiB");
  }

  @Test
  void fileOfExactly256KibIsNotRefusedForItsSize() {
    byte[] padded = Arrays.copyOf(png(16, 16), IconPolicy.MAX_BYTES); // zeros after IEND
    assertThat(policy.accept(padded).type()).isEqualTo("image/png");
  }

  @Test
  void emptyFileIsRefused() {
    refused(new byte[0], "the file is empty");
  }

  @Test
  void otherFormatsAreRefused() {
    refused(
        "GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1), "must be a PNG or SVG image");
    refused(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}, "must be a PNG or SVG image");
    refused("just text".getBytes(StandardCharsets.UTF_8), "must be a PNG or SVG image");
  }

  @Test
  void benignIconWithGradientsAndLocalUseKeepsItsShapes() {
    String svg = sanitized("extensions/benign-svg/gradient-and-use.svg");
    assertThat(svg)
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .contains("xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
        .contains("viewBox=\"0 0 32 32\"", "<title>Part counter</title>")
        .contains("<linearGradient id=\"sky\"", "<stop offset=\"0\" stop-color=\"#3b82f6\"/>")
        .contains("<radialGradient", "xlink:href=\"#sky\"", "<clipPath id=\"round\">")
        .contains("<symbol id=\"a\" viewBox=\"0 0 10 10\"><path d=\"M0 0 L10 0 L5 10 Z\"/>")
        .contains("clip-path=\"url(#round)\"", "fill=\"url(#sky)\"", "fill=\"url('#glow')\"")
        .contains("<use fill=\"#fbbf24\" height=\"10\" href=\"#a\"", "xlink:href=\"#a\"")
        .contains(
            "<polygon fill=\"#22c55e\" points=\"2,30 8,24 14,30\"",
            "<tspan dy=\"-1\">N</tspan></text>")
        .doesNotContain("<?xml", "<!--");
    HostileSvgTests.assertHarmless(svg);
  }

  @Test
  void benignIconWithStyleSheetKeepsItsStyles() {
    String svg = sanitized("extensions/benign-svg/with-style-sheet.svg");
    assertThat(svg)
        .contains("<style>.st0{fill:#ff6a00}.st1{fill:none;stroke:#333;stroke-width:2}</style>")
        .contains("<path class=\"st0\"", "style=\"stroke-linecap:round\"", "<ellipse", "<polyline");
  }

  @Test
  void sanitizedSvgIsAcceptedAgainUnchanged() {
    byte[] once = policy.accept(HostileSvgTests.read("extensions/hostile-svg/script.svg")).bytes();
    assertThat(policy.accept(once).bytes()).isEqualTo(once);
  }

  @Test
  void deeplyNestedSvgIsRefused() {
    int depth = SvgSanitizer.MAX_DEPTH + 2;
    String svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\">"
            + "<g>".repeat(depth)
            + "<rect width=\"1\" height=\"1\"/>"
            + "</g>".repeat(depth)
            + "</svg>";
    refused(svg.getBytes(StandardCharsets.UTF_8), "is nested too deeply (at most 64 levels)");
  }

  private String sanitized(String resource) {
    ExtensionRows.Icon icon = policy.accept(HostileSvgTests.read(resource));
    assertThat(icon.type()).isEqualTo("image/svg+xml");
    return new String(icon.bytes(), StandardCharsets.UTF_8);
  }

  private void refused(byte[] bytes, String message) {
    assertThatThrownBy(() -> policy.accept(bytes))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.field()).isEqualTo("icon");
                          assertThat(v.message()).isEqualTo(message);
                        }));
  }

  static byte[] png(int width, int height) {
    return encode(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB));
  }

  /** Random pixels, so that the compressed data is long enough to cut in half. */
  static byte[] noisyPng(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Random random = new Random(42);
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        image.setRGB(x, y, random.nextInt());
      }
    }
    return encode(image);
  }

  private static byte[] encode(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
