package dev.portico.extensions;

/**
 * An extension a user may see (EXT-5), with its application and its action URL resolved for the
 * asked context ({@link ActionTemplates#resolveUrl}).
 */
public record VisibleExtension(
    Extension extension, VisibleApplication application, String resolvedActionUrl) {}
