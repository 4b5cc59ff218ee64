package dev.portico.applications.internal;

import dev.portico.applications.ExternalAccess;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Placeholder until Portico is an OAuth client of apps' servers: nobody has External access. */
@Component
class NoExternalAccess implements ExternalAccess {

  @Override
  public Optional<String> accessToken(UUID userId, UUID applicationId) {
    return Optional.empty();
  }

  @Override
  public String grantPath(UUID applicationId) {
    return "/my/applications";
  }
}
