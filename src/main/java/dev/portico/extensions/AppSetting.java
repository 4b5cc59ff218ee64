package dev.portico.extensions;

/**
 * One entry of an app's settings store (API-2): a key and its value as JSON text (any JSON value: a
 * string, a number, an object, …).
 */
public record AppSetting(String key, String json) {}
