package dev.portico.store;

import java.util.Arrays;
import java.util.Optional;

/**
 * THE list of the launch checklist's manual items (STO-3): the app's managers tick them. Their keys
 * are stored with each tick ({@code sto_checklist_tick.item_key}): never rename one.
 */
public enum ManualChecklistItem {
  DEVELOPER_AGREEMENT(
      "developer-agreement",
      "Developer agreement signed",
      "Sign the Portico developer agreement for the account that owns the app."),
  FINAL_TESTING(
      "final-testing",
      "Final testing passed",
      "Test the app end to end with its beta testers, then tick this item."),
  PRIVACY_POLICY(
      "privacy-policy",
      "Privacy policy published",
      "Publish the app's privacy policy and link it from the description or the support page.");

  private final String key;
  private final String label;
  private final String hint;

  ManualChecklistItem(String key, String label, String hint) {
    this.key = key;
    this.label = label;
    this.hint = hint;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public String hint() {
    return hint;
  }

  /** The item with this key, if it is a manual one. */
  public static Optional<ManualChecklistItem> byKey(String key) {
    return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
  }
}
