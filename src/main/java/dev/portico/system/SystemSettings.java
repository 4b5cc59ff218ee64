package dev.portico.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the shared kernel.
 *
 * @param maxRequestBody the largest request body accepted (§14); multipart uploads have their own
 *     limits ({@code spring.servlet.multipart.*})
 */
@ConfigurationProperties("portico.system")
public record SystemSettings(@DefaultValue("1MB") DataSize maxRequestBody) {}
