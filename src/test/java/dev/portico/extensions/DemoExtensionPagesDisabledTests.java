package dev.portico.extensions;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without demo mode the demo extension pages do not exist: a signed-in user gets 404, and an
 * anonymous request is treated as any other console path (sent to sign in, its POST refused), never
 * answered by a demo page.
 */
@PorticoTest
class DemoExtensionPagesDisabledTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;

  @Test
  void demoPagesAreNotFoundWhenDemoModeIsOff() throws Exception {
    var admin = fixtures.company("Acme").admin();

    assertThat(status(get("/demo/extensions/panel").with(as(admin)))).isEqualTo(404);
    assertThat(
            status(
                post("/demo/extensions/action")
                    .with(as(admin))
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())))
        .isEqualTo(404);
    assertThat(status(get("/demo/extensions/panel"))).isEqualTo(302);
    assertThat(status(post("/demo/extensions/action").content("{}"))).isEqualTo(403);
  }

  private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse().getStatus();
  }
}
