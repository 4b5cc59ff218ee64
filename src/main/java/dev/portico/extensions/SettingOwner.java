package dev.portico.extensions;

import java.util.UUID;

/** Whose settings of an app (API-2): a user's, or a company's. */
public record SettingOwner(Kind kind, UUID id) {

  public static SettingOwner user(UUID userId) {
    return new SettingOwner(Kind.USER, userId);
  }

  public static SettingOwner company(UUID companyId) {
    return new SettingOwner(Kind.COMPANY, companyId);
  }

  /** The two kinds of owner, as stored. */
  public enum Kind {
    USER,
    COMPANY
  }
}
