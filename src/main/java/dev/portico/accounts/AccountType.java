package dev.portico.accounts;

/** The kinds of account (TEN-1). */
public enum AccountType {
  INDIVIDUAL,
  COMPANY,
  CLASSROOM,
  ENTERPRISE;

  /** Whether accounts of this type have members, admins, teams and aliases. */
  public boolean isCompanyType() {
    return this != INDIVIDUAL;
  }
}
