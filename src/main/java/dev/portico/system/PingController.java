package dev.portico.system;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An unauthenticated liveness answer of about the size of {@code sessioninfo}: load balancers probe
 * it, and the benchmarks use it as the same server's baseline.
 */
@RestController
class PingController {

  private static final Map<String, Object> PONG = Map.of("status", "ok", "service", "portico");

  @GetMapping("/ping")
  Map<String, Object> ping() {
    return PONG;
  }
}
