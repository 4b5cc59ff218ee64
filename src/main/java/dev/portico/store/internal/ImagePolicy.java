package dev.portico.store.internal;

import dev.portico.system.InvalidInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.springframework.stereotype.Component;

/**
 * Which images a store entry may have (STO-1): PNG or JPEG recognised by their bytes (magic number,
 * then a full decode by the JDK), at most 2 MiB each and 8 per entry, at most 4096×4096 pixels.
 * What is stored is not what was uploaded but the decoded pixels written again by ImageIO, so no
 * trailing HTML, script or other polyglot payload survives.
 */
@Component
public class ImagePolicy {

  public static final int MAX_BYTES = 2 * 1024 * 1024;
  public static final int MAX_IMAGES = 8;
  static final int MAX_PIXELS = 4096;

  public static final String PNG_TYPE = "image/png";
  public static final String JPEG_TYPE = "image/jpeg";

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

  /** An image as stored and served. */
  public record Image(String contentType, byte[] bytes) {}

  /**
   * The images to store after {@code kept} existing ones, or {@link InvalidInput} on field {@code
   * images} naming each file refused.
   */
  public List<Image> accept(int kept, List<byte[]> uploads) {
    if (kept + uploads.size() > MAX_IMAGES) {
      throw InvalidInput.of("images", "at most " + MAX_IMAGES + " images per entry");
    }
    List<Image> accepted = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < uploads.size(); i++) {
      try {
        accepted.add(accept(uploads.get(i)));
      } catch (IllegalArgumentException e) {
        problems.add("image " + (i + 1) + " " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidInput.of("images", String.join("; ", problems));
    }
    return accepted;
  }

  private static Image accept(byte[] bytes) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("is empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("must be at most 2 MiB");
    }
    String format;
    String type;
    if (startsWith(bytes, PNG)) {
      format = "png";
      type = PNG_TYPE;
    } else if (startsWith(bytes, JPEG)) {
      format = "jpeg";
      type = JPEG_TYPE;
    } else {
      throw new IllegalArgumentException("must be a PNG or JPEG image");
    }
    BufferedImage pixels = decode(format, bytes);
    byte[] encoded = encode(format, pixels);
    if (encoded.length > MAX_BYTES) {
      throw new IllegalArgumentException("must be at most 2 MiB");
    }
    return new Image(type, encoded);
  }

  /** Decodes in memory, dimensions checked before the pixels are read. */
  private static BufferedImage decode(String format, byte[] bytes) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
    if (!readers.hasNext()) {
      throw new IllegalStateException("the JDK has no " + format + " reader");
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width < 1 || height < 1 || width > MAX_PIXELS || height > MAX_PIXELS) {
        throw new IllegalArgumentException(
            "must be at most " + MAX_PIXELS + "×" + MAX_PIXELS + " pixels");
      }
      BufferedImage image = reader.read(0);
      if (image == null) {
        throw new IllegalArgumentException("is not a readable " + format.toUpperCase() + " image");
      }
      return image;
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException known
          && known.getMessage() != null
          && known.getMessage().startsWith("must be at most")) {
        throw known;
      }
      throw new IllegalArgumentException("is not a readable PNG or JPEG image", e);
    } finally {
      reader.dispose();
    }
  }

  private static byte[] encode(String format, BufferedImage image) {
    BufferedImage source = image;
    if ("jpeg".equals(format) && image.getType() != BufferedImage.TYPE_INT_RGB) {
      source = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
      source.createGraphics().drawImage(image, 0, 0, null);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(source, format, out)) {
        throw new IllegalArgumentException("cannot be written again as " + format);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot be written again as " + format, e);
    }
    return out.toByteArray();
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }
}
