package dev.portico.accounts;

/** Annual API plans (USE-1). Allocation figures live with the usage module. */
public enum Plan {
  ENTERPRISE,
  PROFESSIONAL,
  STANDARD,
  FREE,
  EDU_STUDENT,
  EDU_ENTERPRISE,
  EDU_EDUCATOR,
  PRO_DISCOVERY
}
