package dev.portico;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Portico: a self-hostable developer platform for SaaS products. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PorticoApplication {

  public static void main(String[] args) {
    SpringApplication.run(PorticoApplication.class, args);
  }
}
