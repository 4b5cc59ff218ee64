package dev.portico.applications.web;

import dev.portico.applications.PlatformOAuth;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * The Platform OAuth form: each lifetime as a whole number and a unit (minutes, hours or days), the
 * refresh token optionally living as long as its grant, and skip-consent. Fields are plain strings
 * so that a tampered value becomes a field error rather than a binding failure.
 */
public class PlatformOAuthForm {

  /** "as long as the grant lasts" for the refresh token. */
  static final String GRANT = "grant";

  /** a fixed refresh-token lifetime. */
  static final String FIXED = "fixed";

  private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,6}");

  private String accessTokenLifetime = "";
  private String accessTokenUnit = Unit.HOURS.param();
  private String refreshTokenMode = GRANT;
  private String refreshTokenLifetime = "";
  private String refreshTokenUnit = Unit.DAYS.param();
  private boolean skipConsentForOwnCompany;

  /** The form showing the app's current settings, each lifetime in its largest exact unit. */
  static PlatformOAuthForm of(PlatformOAuth current) {
    PlatformOAuthForm form = new PlatformOAuthForm();
    Unit access = Unit.largestExact(current.accessTokenLifetime());
    form.accessTokenLifetime = String.valueOf(access.amount(current.accessTokenLifetime()));
    form.accessTokenUnit = access.param();
    Duration refresh = current.refreshTokenLifetime();
    if (refresh != null) {
      Unit unit = Unit.largestExact(refresh);
      form.refreshTokenMode = FIXED;
      form.refreshTokenLifetime = String.valueOf(unit.amount(refresh));
      form.refreshTokenUnit = unit.param();
    }
    form.skipConsentForOwnCompany = current.skipConsentForOwnCompany();
    return form;
  }

  /**
   * The settings the form asks for, or empty after rejecting what cannot be read (a number that is
   * not one, an unknown unit) at its field. Whether they are within the platform's bounds is the
   * service's to say.
   */
  Optional<PlatformOAuth> toPlatformOAuth(BindingResult result) {
    Duration access = duration("accessTokenLifetime", accessTokenLifetime, accessTokenUnit, result);
    Duration refresh = null;
    if (FIXED.equals(refreshTokenMode)) {
      refresh = duration("refreshTokenLifetime", refreshTokenLifetime, refreshTokenUnit, result);
    } else if (!GRANT.equals(refreshTokenMode)) {
      result.rejectValue("refreshTokenLifetime", "invalid", "choose one of the offered options");
    }
    if (result.hasErrors() || access == null) {
      return Optional.empty();
    }
    return Optional.of(new PlatformOAuth(access, refresh, skipConsentForOwnCompany));
  }

  private static @Nullable Duration duration(
      String field, String amount, String unitParam, BindingResult result) {
    Optional<Unit> unit = Unit.ofParam(unitParam);
    String text = amount.strip();
    if (!WHOLE_NUMBER.matcher(text).matches() || Long.parseLong(text) == 0 || unit.isEmpty()) {
      result.rejectValue(field, "invalid", "enter a whole number of minutes, hours or days");
      return null;
    }
    return unit.get().of(Long.parseLong(text));
  }

  /** Says a lifetime in words: "5 minutes", "1 hour", "365 days"; {@code null} is the grant's. */
  static String words(@Nullable Duration d) {
    if (d == null) {
      return "as long as the grant lasts";
    }
    Unit unit = Unit.largestExact(d);
    long n = unit.amount(d);
    return n + " " + (n == 1 ? unit.singular : unit.param());
  }

  /** The units a lifetime may be given in. */
  enum Unit {
    MINUTES("minutes", "minute", Duration.ofMinutes(1)),
    HOURS("hours", "hour", Duration.ofHours(1)),
    DAYS("days", "day", Duration.ofDays(1));

    private final String param;
    private final String singular;
    private final Duration size;

    Unit(String param, String singular, Duration size) {
      this.param = param;
      this.singular = singular;
      this.size = size;
    }

    public String param() {
      return param;
    }

    Duration of(long amount) {
      return size.multipliedBy(amount);
    }

    long amount(Duration d) {
      return d.dividedBy(size);
    }

    static Optional<Unit> ofParam(String text) {
      return Arrays.stream(values()).filter(u -> u.param.equals(text.strip())).findFirst();
    }

    /** Days if the duration is whole days, else hours if whole hours, else minutes. */
    static Unit largestExact(Duration d) {
      if (!d.isZero() && d.toSeconds() % DAYS.size.toSeconds() == 0) {
        return DAYS;
      }
      return !d.isZero() && d.toSeconds() % HOURS.size.toSeconds() == 0 ? HOURS : MINUTES;
    }
  }

  public String getAccessTokenLifetime() {
    return accessTokenLifetime;
  }

  public void setAccessTokenLifetime(@Nullable String accessTokenLifetime) {
    this.accessTokenLifetime = accessTokenLifetime == null ? "" : accessTokenLifetime;
  }

  public String getAccessTokenUnit() {
    return accessTokenUnit;
  }

  public void setAccessTokenUnit(@Nullable String accessTokenUnit) {
    this.accessTokenUnit = accessTokenUnit == null ? "" : accessTokenUnit;
  }

  public String getRefreshTokenMode() {
    return refreshTokenMode;
  }

  public void setRefreshTokenMode(@Nullable String refreshTokenMode) {
    this.refreshTokenMode = refreshTokenMode == null ? "" : refreshTokenMode;
  }

  public String getRefreshTokenLifetime() {
    return refreshTokenLifetime;
  }

  public void setRefreshTokenLifetime(@Nullable String refreshTokenLifetime) {
    this.refreshTokenLifetime = refreshTokenLifetime == null ? "" : refreshTokenLifetime;
  }

  public String getRefreshTokenUnit() {
    return refreshTokenUnit;
  }

  public void setRefreshTokenUnit(@Nullable String refreshTokenUnit) {
    this.refreshTokenUnit = refreshTokenUnit == null ? "" : refreshTokenUnit;
  }

  public boolean isSkipConsentForOwnCompany() {
    return skipConsentForOwnCompany;
  }

  public void setSkipConsentForOwnCompany(boolean skipConsentForOwnCompany) {
    this.skipConsentForOwnCompany = skipConsentForOwnCompany;
  }
}
