package dev.portico.extensions;

import java.util.UUID;

/** An application whose extensions a user may see (EXT-5): what a visible extension names of it. */
public record VisibleApplication(UUID id, String name, String clientId) {}
