package dev.portico.applications;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The app's Platform OAuth settings (APP-4, the reference platform's "Onshape OAuth" tab): how long
 * its access and refresh tokens live, within the platform's bounds, and whether users of the owning
 * company skip the grant screen.
 *
 * @param refreshTokenLifetime {@code null}: a refresh token lives as long as its grant (OAU-3)
 */
public record PlatformOAuth(
    Duration accessTokenLifetime,
    @Nullable Duration refreshTokenLifetime,
    boolean skipConsentForOwnCompany) {}
