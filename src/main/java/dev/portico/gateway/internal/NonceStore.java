package dev.portico.gateway.internal;

import java.util.Locale;

/**
 * Decides whether a signed request's nonce is used for the first time (KEY-5), and refuses whenever
 * it cannot tell for sure. One of three ({@code portico.gateway.nonce-store}, chosen by {@link
 * NonceStoreConfiguration}): {@link MemoryNonceStore}, {@link RedisNonceStore}, {@link
 * DatabaseNonceStore}.
 *
 * <p>Every store keys on the same identity, exactly what the signature covers: the access key plus
 * the nonce in lower case ({@code ABC…} and {@code abc…} are one nonce; the same nonce under
 * another access key is another), remembered for twice the clock skew: any older request is refused
 * by its {@code Date} anyway.
 */
interface NonceStore {

  /**
   * Records the access key's nonce (compared in lower case) if it was not seen before; answers
   * within {@code nonce-timeout}.
   */
  Use firstUse(String accessKey, String nonce);

  /** The answer for one nonce. */
  enum Use {
    /** Recorded just now: the request may proceed. */
    FIRST,
    /** Seen before: 401 {@code replayed_nonce}. */
    REPLAYED,
    /** No clear answer (store slow, down, full or ambiguous): 503, never accepted. */
    UNAVAILABLE
  }

  /** The replay identity: the access key and the nonce in lower case. */
  record Key(String accessKey, String nonce) {

    static Key of(String accessKey, String nonce) {
      return new Key(accessKey, nonce.toLowerCase(Locale.ROOT));
    }

    /** One string for in-memory sets and Redis keys ({@code accessKey:nonce}). */
    String identity() {
      return accessKey + ':' + nonce;
    }
  }
}
