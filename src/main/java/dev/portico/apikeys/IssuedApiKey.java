package dev.portico.apikeys;

/**
 * A key just created, with its secret: the only moment the secret is ever shown (KEY-2). Do not log
 * it; {@link #toString()} leaves the secret out.
 */
public record IssuedApiKey(ApiKey key, String secretKey) {

  @Override
  public String toString() {
    return "IssuedApiKey[" + key.accessKey() + "]";
  }
}
