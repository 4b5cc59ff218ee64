package dev.portico.applications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.Scope;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.system.Actor;
import dev.portico.system.ResultPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * APP-7: an owner's applications page in the database in every order and direction, each page
 * continuing where the previous one ended, with the kept total (the ids of a page are found first,
 * then its rows are read: the order must survive that).
 */
@PorticoTest
class ApplicationListPagingTests {

  @Autowired TestAccounts fixtures;
  @Autowired ApplicationManagement applications;

  @Test
  void pagesByNameFollowEachOtherInBothDirections() {
    UUID owner = fixtures.company("Paging").id();
    for (String name : List.of("delta", "Alpha", "charlie", "Echo", "bravo")) {
      register(owner, name, ApplicationType.INTEGRATED_CLOUD);
    }

    assertThat(names(owner, ApplicationOrder.NAME, true))
        .containsExactly("Alpha", "bravo", "charlie", "delta", "Echo");
    assertThat(names(owner, ApplicationOrder.NAME, false))
        .containsExactly("Echo", "delta", "charlie", "bravo", "Alpha");
  }

  @Test
  void pagesByCreatedAndByTypeFollowEachOther() {
    UUID owner = fixtures.company("Paging").id();
    register(owner, "first", ApplicationType.CONNECTED_DESKTOP);
    register(owner, "second", ApplicationType.INTEGRATED_CLOUD);
    register(owner, "third", ApplicationType.CONNECTED_CLOUD);

    assertThat(names(owner, ApplicationOrder.CREATED, false))
        .containsExactly("third", "second", "first");
    assertThat(names(owner, ApplicationOrder.TYPE, true))
        .containsExactly("third", "first", "second");
    ResultPage<ApplicationSummary> page =
        applications.applications(
            owner, ApplicationOrder.CREATED, true, new ResultPage.Request(1, 2));
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.items()).extracting(ApplicationSummary::name).containsExactly("third");
  }

  /** Every name, read two a page. */
  private List<String> names(UUID owner, ApplicationOrder order, boolean ascending) {
    List<String> names = new ArrayList<>();
    for (int page = 0; page < 4; page++) {
      applications
          .applications(owner, order, ascending, new ResultPage.Request(page, 2))
          .items()
          .forEach(a -> names.add(a.name()));
    }
    return names;
  }

  private void register(UUID owner, String name, ApplicationType type) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    applications.register(
        Actor.SYSTEM,
        owner,
        new ApplicationDraft(
            name,
            "com.paging.app-" + tag,
            "An app for the paging tests",
            List.of("https://app.example.test/callback"),
            type,
            null,
            false,
            Set.of(Scope.OAuth2Read),
            null,
            List.of()));
  }
}
