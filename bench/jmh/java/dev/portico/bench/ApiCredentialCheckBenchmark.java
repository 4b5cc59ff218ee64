package dev.portico.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portico.apikeys.SignedRequest;
import dev.portico.apikeys.VerifiedKey;
import dev.portico.apikeys.internal.OnSignatureVerifier;
import dev.portico.apikeys.internal.OnSignatures;
import dev.portico.apikeys.internal.ResolvedKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU cost of checking a signed API-key request (budget: under 50 µs together with scope and
 * metering): the full check (cached key lookup, date window, canonical string, HMAC-SHA256,
 * constant-time compare) against its parts, so the ratio shows where the time goes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ApiCredentialCheckBenchmark {

  private static final Duration SKEW = Duration.ofMinutes(5);

  private OnSignatureVerifier verifier;
  private Cache<String, Optional<ResolvedKey>> directory;
  private SignedRequest request;
  private SecretKeySpec hmacKey;
  private String canonical;

  @Setup
  public void setUp() {
    Instant now = Instant.parse("2026-11-27T12:00:00Z");
    verifier = new OnSignatureVerifier(Clock.fixed(now, ZoneOffset.UTC));
    String secret = "s3cretS3cretS3cretS3cretS3cretS3cretS3cretS3cr";
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    hmacKey = new SecretKeySpec(bytes, "HmacSHA256");
    ResolvedKey key = ResolvedKey.of(new VerifiedKey(UUID.randomUUID(), "BenchAccessKey0000000001", UUID.randomUUID(), UUID.randomUUID(), "alice@acme.test", "Alice", false, null, null, null, false, 63, "public", true), secret);
    directory = Caffeine.newBuilder().maximumSize(100_000).build();
    for (int i = 0; i < 10_000; i++) {
      directory.put("OtherAccessKey" + i, Optional.empty());
    }
    directory.put("BenchAccessKey0000000001", Optional.of(key));
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC));
    String nonce = "ABCDEFGHIJKLMNOPQRSTUVWXY";
    String signature = OnSignatures.sign(secret, "GET", nonce, date, "application/json", "/api/users/sessioninfo", "");
    request = new SignedRequest("BenchAccessKey0000000001", "HmacSHA256", signature, "GET", nonce, date, "application/json", "/api/users/sessioninfo", "");
    canonical = OnSignatures.canonical("GET", nonce, date, "application/json", "/api/users/sessioninfo", "");
  }

  /** The whole check as the gateway runs it, with the key from a warm Caffeine cache. */
  @Benchmark
  public ResolvedKey fullSignedCheck() {
    return verifier.verify(request, SKEW, accessKey -> directory.getIfPresent(accessKey));
  }

  /** HMAC-SHA256 of the canonical string alone: the floor of any signature scheme. */
  @Benchmark
  public byte[] hmacOnly() {
    return OnSignatures.mac(hmacKey, canonical);
  }

  /** The cached key lookup alone. */
  @Benchmark
  public Optional<ResolvedKey> cacheLookupOnly() {
    return directory.getIfPresent("BenchAccessKey0000000001");
  }
}
