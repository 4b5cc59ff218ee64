package dev.portico.store;

import dev.portico.applications.ApplicationType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/** An app's store entry (STO-1); {@code imageCount} images are served at {@link #imageUrl}. */
public record StoreEntry(
    UUID id,
    UUID applicationId,
    UUID ownerAccountId,
    String name,
    String summary,
    ApplicationType type,
    StoreCategory category,
    TeamVisibility teamVisibility,
    Set<UUID> visibleTeamIds,
    @Nullable String description,
    @Nullable String supportUrl,
    @Nullable String supportEmail,
    @Nullable String vendor,
    @Nullable String version,
    EntryState state,
    int imageCount,
    Instant createdAt,
    Instant updatedAt) {

  public StoreEntry {
    visibleTeamIds = Set.copyOf(visibleTeamIds);
  }

  /** The entry's page (STO-2). */
  public String url() {
    return "/store/entries/" + id;
  }

  /**
   * The support URL when it is https or {@code mailto:} (STO-1 checked it at save; a page renders
   * nothing else as a link), or null.
   */
  public @Nullable String safeSupportUrl() {
    String url = supportUrl;
    if (url == null) {
      return null;
    }
    String lower = url.toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("mailto:") ? url : null;
  }

  /** The address of image {@code n} (1-based). */
  public String imageUrl(int n) {
    return url() + "/images/" + n;
  }

  /** The addresses of all its images, in order. */
  public List<String> imageUrls() {
    return IntStream.rangeClosed(1, imageCount).mapToObj(this::imageUrl).toList();
  }
}
