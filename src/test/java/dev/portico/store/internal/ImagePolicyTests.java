package dev.portico.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.system.InvalidInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * STO-1's images: PNG or JPEG by their bytes, ≤ 2 MiB, ≤ 8 per entry, stored as re-encoded pixels
 * so that nothing appended or embedded survives.
 */
public class ImagePolicyTests {

  private final ImagePolicy policy = new ImagePolicy();

  @Test
  void pngAndJpegAreAcceptedAndReencodedWithTheirExactType() throws IOException {
    List<ImagePolicy.Image> images = policy.accept(0, List.of(png(), jpeg(40, 30, 0.8f)));

    assertThat(images)
        .extracting(ImagePolicy.Image::contentType)
        .containsExactly("image/png", "image/jpeg");
    assertThat(ImageIO.read(new ByteArrayInputStream(images.get(1).bytes())).getWidth())
        .isEqualTo(40);
  }

  @Test
  void aPngWithTrailingHtmlIsStoredWithoutIt() throws IOException {
    byte[] polyglot =
        concat(png(), "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));

    byte[] stored = policy.accept(0, List.of(polyglot)).get(0).bytes();

    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("<script");
    assertThat(ImageIO.read(new ByteArrayInputStream(stored))).isNotNull();
  }

  @Test
  void aGifIsRefused() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "gif", out);

    assertRefused(out.toByteArray(), "must be a PNG or JPEG image");
  }

  @Test
  void anSvgRenamedPngIsRefusedByItsBytes() {
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
            .getBytes(StandardCharsets.UTF_8);

    assertRefused(svg, "must be a PNG or JPEG image");
  }

  @Test
  void aPngHeaderOverGarbageIsRefused() throws IOException {
    byte[] broken = java.util.Arrays.copyOf(png(), 40);

    assertRefused(broken, "is not a readable PNG or JPEG image");
  }

  @Test
  void aJpegOverTwoMebibytesIsRefused() throws IOException {
    byte[] big = jpeg(1800, 1800, 1.0f);
    assertThat(big.length).isGreaterThan(ImagePolicy.MAX_BYTES);

    assertRefused(big, "must be at most 2 MiB");
  }

  @Test
  void aNinthImageIsRefused() throws IOException {
    assertThat(policy.accept(0, Collections.nCopies(8, png()))).hasSize(8);
    assertThatThrownBy(() -> policy.accept(8, List.of(png())))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(v -> assertThat(v.field()).isEqualTo("images")));
    assertThatThrownBy(() -> policy.accept(0, Collections.nCopies(9, png())))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("at most 8 images");
  }

  private void assertRefused(byte[] bytes, String message) {
    assertThatThrownBy(() -> policy.accept(0, List.of(bytes)))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.field()).isEqualTo("images");
                          assertThat(v.message()).contains(message);
                        }));
  }

  public static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(1, 1, 0xffff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static byte[] jpeg(int width, int height, float quality) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(42);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt());
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
