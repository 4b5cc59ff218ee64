package dev.portico.extensions;

import static dev.portico.extensions.ExtensionDrafts.actor;
import static dev.portico.extensions.ExtensionDrafts.app;
import static dev.portico.extensions.ExtensionDrafts.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portico.applications.Application;
import dev.portico.applications.ConsoleAppFixtures;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The EXT-2 table through {@link ExtensionManagement}: every location × allowed context × allowed
 * action type is saved and read back; every context a location does not allow, and an action type
 * where the location takes none or another, is refused at its field with nothing stored. The table
 * is written out here from SPEC §7.
 */
@PorticoTest
class ExtensionLocationTableTests {

  private static final Set<ActionType> MENU = EnumSet.allOf(ActionType.class);

  private static final Map<ExtensionLocation, Set<ExtensionContext>> CONTEXTS =
      Map.of(
          ExtensionLocation.ELEMENT_TAB, Set.of(),
          ExtensionLocation.ELEMENT_RIGHT_PANEL,
              EnumSet.of(
                  ExtensionContext.PART,
                  ExtensionContext.DOCUMENT,
                  ExtensionContext.PART_STUDIO,
                  ExtensionContext.ASSEMBLY,
                  ExtensionContext.SUB_ASSEMBLY,
                  ExtensionContext.FEATURE,
                  ExtensionContext.MATE,
                  ExtensionContext.MATE_FEATURE),
          ExtensionLocation.DOCUMENT_LIST_INFO_PANEL,
              EnumSet.of(
                  ExtensionContext.PART,
                  ExtensionContext.DOCUMENT,
                  ExtensionContext.PART_STUDIO,
                  ExtensionContext.ASSEMBLY,
                  ExtensionContext.DRAWING,
                  ExtensionContext.BLOB_ELEMENT),
          ExtensionLocation.ELEMENT_CONTEXT_MENU,
              EnumSet.of(
                  ExtensionContext.PART_STUDIO, ExtensionContext.ASSEMBLY,
                  ExtensionContext.DRAWING, ExtensionContext.BLOB_ELEMENT),
          ExtensionLocation.TREE_CONTEXT_MENU,
              EnumSet.of(
                  ExtensionContext.PART,
                  ExtensionContext.SUB_ASSEMBLY,
                  ExtensionContext.FEATURE,
                  ExtensionContext.MATE,
                  ExtensionContext.MATE_FEATURE,
                  ExtensionContext.INSTANCE),
          ExtensionLocation.DOCUMENT_LIST_CONTEXT_MENU,
              EnumSet.of(
                  ExtensionContext.PART,
                  ExtensionContext.DOCUMENT,
                  ExtensionContext.PART_STUDIO,
                  ExtensionContext.ASSEMBLY,
                  ExtensionContext.DRAWING,
                  ExtensionContext.BLOB_ELEMENT),
          ExtensionLocation.PART_NUMBER_GENERATOR, Set.of());

  private static final Map<ExtensionLocation, Set<ActionType>> TYPES =
      Map.of(
          ExtensionLocation.ELEMENT_CONTEXT_MENU, MENU,
          ExtensionLocation.TREE_CONTEXT_MENU, MENU,
          ExtensionLocation.DOCUMENT_LIST_CONTEXT_MENU, MENU);

  @Autowired TestAccounts fixtures;
  @Autowired ConsoleAppFixtures apps;
  @Autowired ExtensionManagement extensions;

  @Test
  void everyAllowedLocationContextAndActionTypeIsSaved() {
    Company acme = fixtures.company("Acme");
    Actor admin = actor(acme.admin());
    int saved = 0;
    for (ExtensionLocation location : ExtensionLocation.values()) {
      Application app = app(apps, acme.admin(), acme.id());
      List<@Nullable ExtensionContext> contexts = new ArrayList<>(CONTEXTS.get(location));
      if (contexts.isEmpty()) {
        contexts.add(null);
      }
      List<@Nullable ActionType> types = new ArrayList<>(TYPES.getOrDefault(location, Set.of()));
      if (types.isEmpty()) {
        types.add(null);
      }
      for (ExtensionContext context : contexts) {
        for (ActionType type : types) {
          String name = location + " " + context + " " + type;
          Extension added =
              extensions.add(admin, app, draft(name, location, context, type), IconChange.KEEP);

          Extension read = extensions.extension(app, added.id());
          assertThat(read.location()).as(name).isEqualTo(location);
          assertThat(read.context()).as(name).isEqualTo(context);
          assertThat(read.actionType())
              .as(name)
              .isEqualTo(
                  location == ExtensionLocation.PART_NUMBER_GENERATOR ? ActionType.POST : type);
          saved++;
        }
      }
      assertThat(extensions.extensions(app.id())).hasSize(contexts.size() * types.size());
    }
    assertThat(saved).isEqualTo(1 + 8 + 6 + 4 * 3 + 6 * 3 + 6 * 3 + 1);
  }

  @Test
  void partNumberGeneratorMayNameItsImplicitPost() {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());

    Extension added =
        extensions.add(
            actor(acme.admin()),
            app,
            draft("Numbers", ExtensionLocation.PART_NUMBER_GENERATOR, null, ActionType.POST),
            IconChange.KEEP);

    assertThat(added.effectiveActionType()).isEqualTo(ActionType.POST);
  }

  @Test
  void everyContextALocationDoesNotAllowIsRefusedAtContext() {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());
    for (ExtensionLocation location : ExtensionLocation.values()) {
      ActionType type = TYPES.containsKey(location) ? ActionType.GET : null;
      for (ExtensionContext context : ExtensionContext.values()) {
        if (CONTEXTS.get(location).contains(context)) {
          continue;
        }
        assertThat(refused(app, acme, draft("Bad", location, context, type)))
            .as("%s · %s", location, context)
            .singleElement()
            .satisfies(v -> assertThat(v.field()).isEqualTo("context"));
      }
    }
    assertThat(extensions.extensions(app.id())).isEmpty();
  }

  @Test
  void contextIsRequiredWhereTheLocationHasContexts() {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());

    assertThat(
            refused(
                app, acme, draft("No context", ExtensionLocation.ELEMENT_RIGHT_PANEL, null, null)))
        .containsExactly(
            new FieldViolation(
                "context", "choose a context: Element right panel works on a selection"));
  }

  @Test
  void actionTypeIsRefusedWhereTheLocationTakesNoneOrAnother() {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());

    for (ExtensionLocation embedded :
        List.of(
            ExtensionLocation.ELEMENT_TAB,
            ExtensionLocation.ELEMENT_RIGHT_PANEL,
            ExtensionLocation.DOCUMENT_LIST_INFO_PANEL)) {
      ExtensionContext context =
          CONTEXTS.get(embedded).isEmpty() ? null : CONTEXTS.get(embedded).iterator().next();
      assertThat(refused(app, acme, draft("Typed", embedded, context, ActionType.POST)))
          .as("%s", embedded)
          .extracting(FieldViolation::field)
          .containsExactly("actionType");
    }
    for (ActionType type : List.of(ActionType.GET, ActionType.OPEN_IN_NEW_WINDOW)) {
      assertThat(
              refused(
                  app, acme, draft("Numbers", ExtensionLocation.PART_NUMBER_GENERATOR, null, type)))
          .extracting(FieldViolation::field)
          .containsExactly("actionType");
    }
    for (ExtensionLocation menu : TYPES.keySet()) {
      assertThat(
              refused(
                  app, acme, draft("Untyped", menu, CONTEXTS.get(menu).iterator().next(), null)))
          .containsExactly(new FieldViolation("actionType", "choose an action type"));
    }
    assertThat(extensions.extensions(app.id())).isEmpty();
  }

  private List<FieldViolation> refused(Application app, Company acme, ExtensionDraft draft) {
    InvalidInput e =
        catchThrowableOfType(
            InvalidInput.class,
            () -> extensions.add(actor(acme.admin()), app, draft, IconChange.KEEP));
    assertThat(e).as("refused").isNotNull();
    return e.violations();
  }
}
