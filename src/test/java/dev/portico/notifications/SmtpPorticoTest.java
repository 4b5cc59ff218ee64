package dev.portico.notifications;

import dev.portico.support.EmbeddedPostgresSupport;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full Portico like {@code PorticoTest}, with an SMTP server ({@link TestSmtp}): the one context
 * of the suite where {@code spring.mail.host} is set. All SMTP test classes share it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.extension.ExtendWith(dev.portico.support.RealCsrfTokens.class)
@AutoConfigureMockMvc
@ContextConfiguration(
    initializers = {EmbeddedPostgresSupport.Initializer.class, TestSmtp.Initializer.class})
public @interface SmtpPorticoTest {}
