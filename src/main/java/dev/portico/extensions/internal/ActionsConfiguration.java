package dev.portico.extensions.internal;

import dev.portico.extensions.ExtensionsSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP client of extension actions, from {@code portico.extensions.actions.*}. */
@Configuration(proxyBeanMethods = false)
class ActionsConfiguration {

  @Bean(destroyMethod = "close")
  ActionHttpClient actionHttpClient(ExtensionsSettings settings) {
    return new ActionHttpClient(settings.actions());
  }
}
