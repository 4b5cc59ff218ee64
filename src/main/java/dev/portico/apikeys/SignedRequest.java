package dev.portico.apikeys;

/**
 * What a signed API-key request presents (KEY-5): the parts of {@code Authorization: On
 * <accessKey>:HmacSHA256:<signature>} and the headers and raw path and query that were signed.
 */
public record SignedRequest(
    String accessKey,
    String algorithm,
    String signature,
    String method,
    String nonce,
    String date,
    String contentType,
    String path,
    String query) {

  @Override
  public String toString() {
    return "SignedRequest[" + accessKey + " " + method + " " + path + "]";
  }
}
