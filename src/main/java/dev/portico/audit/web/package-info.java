/**
 * The audit log in the console (an account's log for its admins, every entry for the operator) and
 * over REST ({@code GET /api/developer/accounts/{accountId}/audit}).
 */
@NullMarked
package dev.portico.audit.web;

import org.jspecify.annotations.NullMarked;
