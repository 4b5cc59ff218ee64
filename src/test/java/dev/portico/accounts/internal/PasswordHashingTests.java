package dev.portico.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Console passwords are hashed with BCrypt at the production cost unless {@code
 * portico.accounts.password-hash-strength} says otherwise (the test suite sets 4 for its fixtures
 * in {@code src/test/resources/config/application.properties}, which this small context does not
 * read).
 */
class PasswordHashingTests {

  /** The console's configuration with only its {@code passwordEncoder} bean, nothing it needs. */
  private final ApplicationContextRunner console =
      new ApplicationContextRunner()
          .withUserConfiguration(ConsoleSecurityConfiguration.class)
          .withInitializer(
              context -> context.addBeanFactoryPostProcessor(onlyThePasswordEncoder()));

  @Test
  void passwordsAreHashedAtBcryptCostTenByDefault() {
    console.run(
        context -> {
          PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
          String hash = encoder.encode("correct-horse-battery");
          assertThat(hash).matches("\\{bcrypt}\\$2[aby]?\\$10\\$.{53}");
          assertThat(encoder.matches("correct-horse-battery", hash)).isTrue();
          assertThat(encoder.matches("correct-horse-batterY", hash)).isFalse();
        });
  }

  @Test
  void costComesFromPasswordHashStrengthAndHashesOfAnotherCostStillMatch() {
    console
        .withPropertyValues("portico.accounts.password-hash-strength=4")
        .run(
            context -> {
              PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
              assertThat(encoder.encode("x")).matches("\\{bcrypt}\\$2[aby]?\\$04\\$.{53}");
              String productionHash =
                  "{bcrypt}" + new BCryptPasswordEncoder(10).encode("correct-horse-battery");
              assertThat(encoder.matches("correct-horse-battery", productionHash)).isTrue();
            });
  }

  private static BeanFactoryPostProcessor onlyThePasswordEncoder() {
    return factory -> {
      BeanDefinitionRegistry registry = (BeanDefinitionRegistry) factory;
      for (String name : registry.getBeanDefinitionNames()) {
        BeanDefinition definition = registry.getBeanDefinition(name);
        if (definition.getFactoryMethodName() != null && !name.equals("passwordEncoder")) {
          registry.removeBeanDefinition(name);
        }
      }
    };
  }
}
