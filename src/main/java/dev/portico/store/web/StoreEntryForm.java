package dev.portico.store.web;

import dev.portico.store.ImageUpload;
import dev.portico.store.StoreEntryDraft;
import dev.portico.system.InvalidInput.FieldViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.multipart.MultipartFile;

/** The store entry form (STO-1) as typed; the images are the file inputs named {@code images}. */
public class StoreEntryForm {

  static final String[] FIELDS = {
    "name",
    "summary",
    "type",
    "category",
    "teamVisibility",
    "visibleTeamIds",
    "description",
    "supportUrl",
    "supportEmail",
    "vendor",
    "version",
    "images",
    "removeImages"
  };

  private String name = "";
  private String summary = "";
  private String type = "";
  private String category = "";
  private String teamVisibility = "NONE";
  private List<String> visibleTeamIds = new ArrayList<>();
  private String description = "";
  private String supportUrl = "";
  private String supportEmail = "";
  private String vendor = "";
  private String version = "";
  private List<MultipartFile> images = new ArrayList<>();
  private boolean removeImages;

  static StoreEntryForm of(StoreEntryDraft d) {
    StoreEntryForm f = new StoreEntryForm();
    f.name = d.name();
    f.summary = d.summary();
    f.type = d.type();
    f.category = d.category();
    f.teamVisibility = d.teamVisibility();
    f.visibleTeamIds = new ArrayList<>(d.visibleTeamIds().stream().map(UUID::toString).toList());
    f.description = orEmpty(d.description());
    f.supportUrl = orEmpty(d.supportUrl());
    f.supportEmail = orEmpty(d.supportEmail());
    f.vendor = orEmpty(d.vendor());
    f.version = orEmpty(d.version());
    return f;
  }

  /** The draft; team ids that are not ids go to {@code unreadable}. */
  StoreEntryDraft toDraft(List<FieldViolation> unreadable) {
    Set<UUID> teams = new LinkedHashSet<>();
    for (String id : visibleTeamIds) {
      try {
        teams.add(UUID.fromString(id.strip()));
      } catch (IllegalArgumentException e) {
        unreadable.add(new FieldViolation("visibleTeamIds", "must be teams of the company"));
      }
    }
    return new StoreEntryDraft(
        name,
        summary,
        type,
        category,
        teamVisibility,
        teams,
        description,
        supportUrl,
        supportEmail,
        vendor,
        version);
  }

  /** The uploaded files' bytes, each read at most one byte over the limit. */
  List<ImageUpload> uploads(int limit) {
    List<ImageUpload> all = new ArrayList<>();
    for (MultipartFile file : images) {
      if (file.isEmpty()) {
        continue;
      }
      try (InputStream in = file.getInputStream()) {
        all.add(ImageUpload.read(in, limit));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  boolean hasImageFiles() {
    return images.stream().anyMatch(f -> !f.isEmpty());
  }

  private static String orEmpty(@org.jspecify.annotations.Nullable String s) {
    return s == null ? "" : s;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getTeamVisibility() {
    return teamVisibility;
  }

  public void setTeamVisibility(String teamVisibility) {
    this.teamVisibility = teamVisibility;
  }

  public List<String> getVisibleTeamIds() {
    return visibleTeamIds;
  }

  public void setVisibleTeamIds(List<String> visibleTeamIds) {
    this.visibleTeamIds = visibleTeamIds;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getSupportUrl() {
    return supportUrl;
  }

  public void setSupportUrl(String supportUrl) {
    this.supportUrl = supportUrl;
  }

  public String getSupportEmail() {
    return supportEmail;
  }

  public void setSupportEmail(String supportEmail) {
    this.supportEmail = supportEmail;
  }

  public String getVendor() {
    return vendor;
  }

  public void setVendor(String vendor) {
    this.vendor = vendor;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public List<MultipartFile> getImages() {
    return images;
  }

  public void setImages(List<MultipartFile> images) {
    this.images = images;
  }

  public boolean isRemoveImages() {
    return removeImages;
  }

  public void setRemoveImages(boolean removeImages) {
    this.removeImages = removeImages;
  }
}
