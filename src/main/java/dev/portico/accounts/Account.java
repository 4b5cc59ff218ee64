package dev.portico.accounts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The owner of apps, keys and usage: an individual, or a company, classroom or enterprise (TEN-1).
 *
 * @param domain the stack domain, enterprises only (TEN-4)
 * @param allocationOverride the operator's replacement for the plan's annual allocation, if any
 */
public record Account(
    UUID id,
    AccountType type,
    String name,
    Plan plan,
    @Nullable String domain,
    LocalDate allocationStart,
    @Nullable Long allocationOverride,
    Instant createdAt) {

  /** A new personal (individual) account for a user of this name. */
  public static Account personal(String name, Plan plan, Instant now) {
    return new Account(
        UUID.randomUUID(),
        AccountType.INDIVIDUAL,
        name.strip(),
        plan,
        null,
        LocalDate.ofInstant(now, ZoneOffset.UTC),
        null,
        now);
  }

  public boolean isCompanyType() {
    return type.isCompanyType();
  }
}
