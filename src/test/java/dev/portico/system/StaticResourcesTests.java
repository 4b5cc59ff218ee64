package dev.portico.system;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.support.PorticoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The console's static files come from {@code /css}, {@code /js} and {@code /webjars} only (so a
 * page's links are not looked up as classpath files), cached for an hour, htmx without a version.
 */
@PorticoTest
class StaticResourcesTests {

  @Autowired MockMvc mvc;

  @Test
  void stylesheetScriptAndVersionlessHtmxAreServedWithCaching() throws Exception {
    for (String path :
        new String[] {"/css/portico.css", "/js/portico.js", "/webjars/htmx.org/dist/htmx.min.js"}) {
      mvc.perform(get(path))
          .andExpect(status().isOk())
          .andExpect(header().string("Cache-Control", containsString("max-age=3600")));
    }
  }
}
