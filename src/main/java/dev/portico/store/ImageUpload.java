package dev.portico.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * An uploaded image file on its way to {@code ImagePolicy}, which recognises it by its bytes and
 * re-encodes it. The bytes stay inside this module (no public type exposes a {@code byte[]}).
 */
public final class ImageUpload {

  private final byte[] bytes;

  private ImageUpload(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Reads the file, at most one byte more than {@code limit}: enough to refuse a larger one. */
  public static ImageUpload read(InputStream file, int limit) throws IOException {
    return new ImageUpload(file.readNBytes(limit + 1));
  }

  byte[] bytes() {
    return bytes;
  }

  static List<byte[]> bytesOf(List<ImageUpload> uploads) {
    return uploads.stream().map(ImageUpload::bytes).toList();
  }

  @Override
  public String toString() {
    return "ImageUpload[" + bytes.length + " bytes]";
  }
}
