package dev.portico.extensions;

import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ConsoleAppFixtures;
import dev.portico.system.Actor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/** Apps, drafts and icons for the extension tests. */
final class ExtensionDrafts {

  static final String URL = "https://app.example.com/action";

  private ExtensionDrafts() {}

  static Actor actor(User user) {
    return new Actor(user.id(), user.email(), user.operator(), "127.0.0.1");
  }

  /** A company app registered by its admin, with these collaborators (editors). */
  static Application app(ConsoleAppFixtures apps, User admin, UUID owner, String... editors) {
    String name = "Ext app " + UUID.randomUUID().toString().substring(0, 8);
    return apps.register(
        admin, owner, ConsoleAppFixtures.draft(name, editors.length > 0, List.of(editors), null));
  }

  static ExtensionDraft draft(
      String name,
      ExtensionLocation location,
      @Nullable ExtensionContext context,
      @Nullable ActionType type) {
    return new ExtensionDraft(name, null, location, context, URL, type, null, false);
  }

  /** A valid extension at the location: its first context and, for menus, GET. */
  static ExtensionDraft valid(String name, ExtensionLocation location) {
    ExtensionContext context =
        location.contexts().isEmpty() ? null : location.contexts().iterator().next();
    ActionType type = location.choosesActionType() ? ActionType.GET : null;
    return draft(name, location, context, type);
  }

  /** A real 1×1 PNG image. */
  static byte[] png() {
    BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, 0xff3366cc);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
