/**
 * Console pages of the audit log: an account's log for its admins, every entry for the operator.
 */
@NullMarked
package dev.portico.audit.web;

import org.jspecify.annotations.NullMarked;
