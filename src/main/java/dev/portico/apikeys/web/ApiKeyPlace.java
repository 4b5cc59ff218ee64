package dev.portico.apikeys.web;

import dev.portico.accounts.Account;

/**
 * Where API keys are managed in the console.
 *
 * @param company whether these are a company's keys (Company settings) rather than the signed-in
 *     user's own (My account)
 * @param base the path of the list page; the other pages are below it
 */
public record ApiKeyPlace(Account account, boolean company, String base) {}
