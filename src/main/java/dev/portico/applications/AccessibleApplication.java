package dev.portico.applications;

/** An application together with what the asking user may do with it. */
public record AccessibleApplication(Application application, ApplicationRole role) {}
