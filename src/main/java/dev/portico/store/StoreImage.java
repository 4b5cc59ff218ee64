package dev.portico.store;

/** One of an entry's images as stored: re-encoded PNG or JPEG bytes and their exact type. */
public record StoreImage(String contentType, byte[] bytes) {}
