package dev.portico.extensions;

import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.ApplicationDirectory;
import dev.portico.extensions.internal.SettingRows;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import dev.portico.system.NotFound;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The small JSON key/value store of an app per user and per company (API-2), and who may use it:
 *
 * <ul>
 *   <li>a user's settings: only a Bearer token of that very app whose user is that user;
 *   <li>a company's settings: a Bearer token of that app whose user is a member of the company
 *       (read) or one of its admins (write, delete), or an API key of one of the company's admins,
 *       who may manage the company's settings of any app.
 * </ul>
 *
 * Anyone else gets {@link NotFound}, exactly like an unknown app, decided from the credential and
 * the user's current role. Limits: at most {@value #MAX_KEYS} keys per owner and app, keys of
 * {@code [A-Za-z0-9._-]{1,100}}, values of at most {@value #MAX_VALUE_BYTES} bytes of JSON. A write
 * is all or nothing: any broken rule stores nothing.
 */
@Service
@Transactional(readOnly = true)
public class AppSettingsStore {

  public static final int MAX_KEYS = 100;
  public static final int MAX_VALUE_BYTES = 10 * 1024;
  public static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final SettingRows rows;
  private final UserManagement users;
  private final ApplicationDirectory directory;
  private final Clock clock;

  AppSettingsStore(
      SettingRows rows, UserManagement users, ApplicationDirectory directory, Clock clock) {
    this.rows = rows;
    this.users = users;
    this.directory = directory;
    this.clock = clock;
  }

  /** The owner's settings of the app, by key; only the given keys when there are some. */
  public List<AppSetting> read(
      ApiCaller caller, String clientId, SettingOwner owner, @Nullable List<String> keys) {
    UUID app = authorize(caller, clientId, owner, false);
    return rows.list(app, owner, checkedKeys(keys));
  }

  /**
   * Sets these keys (an upsert: other keys stay) and answers the owner's settings after it. Refused
   * whole at the offending entries ({@code settings[2].key}) when one breaks a rule, or when the
   * owner would hold more than {@value #MAX_KEYS} keys.
   */
  @Transactional
  public List<AppSetting> write(
      ApiCaller caller, String clientId, SettingOwner owner, List<AppSetting> settings) {
    UUID app = authorize(caller, clientId, owner, true);
    check(settings);
    rows.lockOwner(app, owner);
    Set<String> stored = rows.keys(app, owner);
    long added = settings.stream().filter(s -> !stored.contains(s.key())).count();
    if (stored.size() + added > MAX_KEYS) {
      throw InvalidInput.of(
          "settings",
          "at most "
              + MAX_KEYS
              + " keys per app and owner: "
              + stored.size()
              + " stored, "
              + added
              + " new");
    }
    var now = clock.instant();
    for (AppSetting setting : settings) {
      rows.put(app, owner, setting, stored.contains(setting.key()), now);
    }
    return rows.list(app, owner, null);
  }

  /** Removes these keys, or every key of the owner when none is given; how many went. */
  @Transactional
  public int delete(
      ApiCaller caller, String clientId, SettingOwner owner, @Nullable List<String> keys) {
    UUID app = authorize(caller, clientId, owner, true);
    return rows.delete(app, owner, checkedKeys(keys));
  }

  /** The app, when the caller may read (or write) the owner's settings of it; else NotFound. */
  private UUID authorize(ApiCaller caller, String clientId, SettingOwner owner, boolean write) {
    boolean appToken =
        caller.credential() == ApiCaller.Credential.BEARER && clientId.equals(caller.clientId());
    boolean allowed =
        switch (owner.kind()) {
          case USER -> appToken && caller.userId().equals(owner.id());
          case COMPANY -> mayUseCompanySettings(caller, appToken, owner.id(), write);
        };
    if (!allowed) {
      throw new NotFound("Settings");
    }
    UUID fromToken = appToken ? caller.applicationId() : null;
    if (fromToken != null) {
      return fromToken;
    }
    return directory.byClientId(clientId).orElseThrow(() -> new NotFound("Settings")).id();
  }

  /** The user's current role decides, not the credential's snapshot. */
  private boolean mayUseCompanySettings(
      ApiCaller caller, boolean appToken, UUID companyId, boolean write) {
    User user = users.user(caller.userId()).filter(User::isActive).orElse(null);
    if (user == null || !user.isMemberOf(companyId)) {
      return false;
    }
    boolean admin = user.isAdminOf(companyId);
    if (appToken) {
      return admin || !write;
    }
    return caller.credential() != ApiCaller.Credential.BEARER && admin;
  }

  private static void check(List<AppSetting> settings) {
    List<FieldViolation> problems = new ArrayList<>();
    if (settings.size() > MAX_KEYS) {
      problems.add(new FieldViolation("settings", "at most " + MAX_KEYS + " entries"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < settings.size(); i++) {
      AppSetting s = settings.get(i);
      String at = "settings[" + i + "]";
      if (!KEY.matcher(s.key()).matches()) {
        problems.add(new FieldViolation(at + ".key", KEY_RULE));
      } else if (!seen.add(s.key())) {
        problems.add(new FieldViolation(at + ".key", "appears more than once"));
      }
      if (s.json().getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
        problems.add(
            new FieldViolation(
                at + ".value", "must be at most " + MAX_VALUE_BYTES + " bytes as JSON"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
  }

  private static @Nullable List<String> checkedKeys(@Nullable List<String> keys) {
    if (keys == null || keys.isEmpty()) {
      return null;
    }
    List<FieldViolation> problems = new ArrayList<>();
    if (keys.size() > MAX_KEYS) {
      problems.add(new FieldViolation("key", "at most " + MAX_KEYS + " keys"));
    }
    for (int i = 0; i < keys.size(); i++) {
      if (!KEY.matcher(keys.get(i)).matches()) {
        problems.add(new FieldViolation("key[" + i + "]", KEY_RULE));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    return List.copyOf(keys);
  }

  private static final String KEY_RULE =
      "must be 1 to 100 characters of letters, digits, '.', '_' or '-'";
}
