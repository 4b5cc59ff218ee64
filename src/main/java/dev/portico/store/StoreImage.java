package dev.portico.store;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/** One of an entry's images as stored: re-encoded PNG or JPEG bytes and their exact type. */
public final class StoreImage {

  private final String contentType;
  private final byte[] bytes;

  StoreImage(String contentType, byte[] bytes) {
    this.contentType = contentType;
    this.bytes = bytes;
  }

  public String contentType() {
    return contentType;
  }

  /** The image as a response body. */
  public Resource body() {
    return new ByteArrayResource(bytes);
  }
}
