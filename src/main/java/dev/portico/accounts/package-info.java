/**
 * Tenancy: accounts, plans, stacks, users, roles, licenses, teams, aliases, console login and the
 * operator (SPEC §1).
 */
@NullMarked
package dev.portico.accounts;

import org.jspecify.annotations.NullMarked;
