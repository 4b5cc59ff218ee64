package dev.portico.store.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.User;
import dev.portico.applications.ApplicationManagement;
import dev.portico.store.StoreEntries;
import dev.portico.store.StoreEntry;
import dev.portico.store.StoreImage;
import dev.portico.store.StoreSubscriptions;
import dev.portico.system.NotFound;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The entry page with Subscribe / Unsubscribe (STO-4) and its images (STO-2: a private entry is
 * seen by the app's managers and the entry's team-visibility set; anyone else gets a 404 as for no
 * such entry), and Developer → Store entries, the account's entries for whoever may list its
 * applications.
 */
@Controller
class StoreEntryPagesController {

  private final StoreEntries entries;
  private final StoreSubscriptions subscriptions;
  private final ApplicationManagement applications;
  private final LaunchPanel launch;

  StoreEntryPagesController(
      StoreEntries entries,
      StoreSubscriptions subscriptions,
      ApplicationManagement applications,
      LaunchPanel launch) {
    this.entries = entries;
    this.subscriptions = subscriptions;
    this.applications = applications;
    this.launch = launch;
  }

  @GetMapping("/store/entries/{entryId}")
  String showEntry(User me, @PathVariable UUID entryId, Model model) {
    StoreEntry entry =
        entries.visibleTo(me, entryId).orElseThrow(() -> new NotFound("Store entry"));
    model.addAttribute("entry", entry);
    model.addAttribute("descriptionHtml", entries.descriptionHtml(entry));
    boolean manager = entries.manages(me, entry);
    model.addAttribute("manager", manager);
    launch.addTo(entry, manager, model);
    model.addAttribute("subscribed", subscriptions.isSubscribed(me, entry.id()));
    model.addAttribute("maySubscribe", !me.isLight());
    model.addAttribute(
        "images", java.util.stream.IntStream.rangeClosed(1, entry.imageCount()).boxed().toList());
    return "store/entry";
  }

  /** An image with its exact type, never sniffed, never run as a document. */
  @GetMapping("/store/entries/{entryId}/images/{n}")
  ResponseEntity<Resource> showImage(User me, @PathVariable UUID entryId, @PathVariable int n) {
    StoreImage image = entries.image(me, entryId, n).orElseThrow(() -> new NotFound("Image"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(image.contentType()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'")
        .header("Content-Disposition", "inline")
        .cacheControl(CacheControl.noCache().cachePrivate())
        .body(image.body());
  }

  @GetMapping("/my/developer/store-entries")
  String showMyEntries(User me, Model model) {
    return list(me, me.personalAccountId(), model);
  }

  @GetMapping("/accounts/{accountId}/developer/store-entries")
  String showEntries(User me, @PathVariable UUID accountId, Model model) {
    return list(me, accountId, model);
  }

  private String list(User me, UUID accountId, Model model) {
    Account owner = applications.requireOwner(me, accountId);
    model.addAttribute("owner", owner);
    model.addAttribute("entries", entries.ofAccount(owner.id()));
    return "store/entries";
  }
}
