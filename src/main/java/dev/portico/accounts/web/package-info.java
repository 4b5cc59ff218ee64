/** Console pages of the accounts module (users, teams, aliases, profile, operator). */
@NullMarked
package dev.portico.accounts.web;

import org.jspecify.annotations.NullMarked;
