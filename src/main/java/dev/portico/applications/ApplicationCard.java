package dev.portico.applications;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a user-facing list shows of an application it does not manage (My account → Applications,
 * OAU-5): its name, owner, summary and OAuth URL. Read for a whole page in one query.
 *
 * @param oauthUrl where the app starts its OAuth flow (APP-1), if it set one
 */
public record ApplicationCard(
    UUID id, UUID ownerAccountId, String name, String summary, @Nullable String oauthUrl) {}
