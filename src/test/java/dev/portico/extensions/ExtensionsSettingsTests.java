package dev.portico.extensions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** The defaults of {@code portico.extensions.*}, as an operator who sets nothing gets them. */
class ExtensionsSettingsTests {

  @Test
  void actionsRefusePrivateAddressesAndTimeOutAfter180SecondsByDefault() {
    ExtensionsSettings settings =
        new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("portico.extensions", ExtensionsSettings.class);

    assertThat(settings.actions())
        .isEqualTo(
            new ExtensionsSettings.Actions(
                false,
                Duration.ofSeconds(180),
                Duration.ofSeconds(10),
                DataSize.ofMegabytes(1),
                5));
  }

  @Test
  void allowPrivateAddressesBindsFromItsPropertyName() {
    ExtensionsSettings settings =
        new Binder(
                new MapConfigurationPropertySource(
                    Map.of("portico.extensions.actions.allow-private-addresses", "true")))
            .bindOrCreate("portico.extensions", ExtensionsSettings.class);

    assertThat(settings.actions().allowPrivateAddresses()).isTrue();
  }
}
