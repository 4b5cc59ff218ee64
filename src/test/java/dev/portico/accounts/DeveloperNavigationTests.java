package dev.portico.accounts;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The console navigation's Developer sections (DEV-1): My account → Developer for every user but
 * light users, Company settings → Developer for the company's admins only, each with its sub-links,
 * and the current page marked with {@code aria-current}.
 */
@PorticoTest
class DeveloperNavigationTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;

  @Test
  void adminSeesBothDeveloperSectionsWithTheirSubLinks() throws Exception {
    Company acme = fixtures.company("Acme");
    String co = "/accounts/" + acme.id();

    String nav = nav("/my/profile", acme.admin());

    assertThat(nav)
        .contains("href=\"/my/developer\"")
        .contains("href=\"/my/developer/oauth-applications\"")
        .contains("href=\"/my/developer/api-keys\"")
        .contains("href=\"" + co + "/developer\"")
        .contains("href=\"" + co + "/developer/oauth-applications\"")
        .contains("href=\"" + co + "/developer/applications\"")
        .contains("href=\"" + co + "/developer/api-keys\"")
        .doesNotContain("Developer → API keys");
  }

  @Test
  void memberSeesMyAccountDeveloperButNoCompanyDeveloper() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);

    String nav = nav("/my/profile", bob);

    assertThat(nav).contains("href=\"/my/developer\"").doesNotContain("/accounts/" + acme.id());
  }

  @Test
  void lightUserSeesNoDeveloperSection() throws Exception {
    Company acme = fixtures.company("Acme");
    User lena = fixtures.member(acme, Role.MEMBER, License.LIGHT);

    String nav = nav("/my/profile", lena);

    assertThat(nav).doesNotContain("/developer").contains("href=\"/my/profile\"");
  }

  @Test
  void individualSeesMyAccountDeveloperOnly() throws Exception {
    String nav = nav("/my/profile", fixtures.individual());

    assertThat(nav)
        .contains("href=\"/my/developer/oauth-applications\"")
        .doesNotContain("/accounts/")
        .doesNotContain("/developer/applications");
  }

  @Test
  void theCurrentPageIsMarkedAndOnlyIt() throws Exception {
    Company acme = fixtures.company("Acme");
    String developer = "/accounts/" + acme.id() + "/developer";

    String nav = nav(developer, acme.admin());

    assertThat(nav).contains("href=\"" + developer + "\" aria-current=\"page\"");
    assertThat(Pattern.compile("aria-current=\"page\"").matcher(nav).results().count())
        .isEqualTo(1);
    assertThat(nav("/my/developer", acme.admin()))
        .contains("href=\"/my/developer\" aria-current=\"page\"");
  }

  /** The sidebar of the page the user opens. */
  private String nav(String path, User user) throws Exception {
    String page =
        mvc.perform(get(path).with(as(user)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher m =
        Pattern.compile("<nav class=\"sidebar\"[^>]*>(.*?)</nav>", Pattern.DOTALL).matcher(page);
    assertThat(m.find()).as("the sidebar on %s", path).isTrue();
    return m.group(1);
  }
}
