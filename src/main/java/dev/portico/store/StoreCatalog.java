package dev.portico.store;

import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.store.internal.EntryRows;
import dev.portico.store.internal.EntryVisibility;
import dev.portico.system.ResultPage;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The store as a user sees it (STO-4): the entries they may view ({@link EntryVisibility}: every
 * PUBLIC entry, plus the private ones of their company whose visibility set holds them, plus those
 * of the apps they manage), searched by name, summary or vendor and filtered by category. The
 * database narrows the candidates (PUBLIC, or owned by one of the user's accounts) and the search
 * text; every candidate that is not PUBLIC then passes the visibility rule before it counts, so a
 * private entry never shows in the results, the total or the category counts of someone outside its
 * set.
 */
@Service
@Transactional(readOnly = true)
public class StoreCatalog {

  /** The most matching entries one search looks at; the page says when there may be more. */
  public static final int MAX_RESULTS = 500;

  /** The longest search text; longer text is cut. */
  public static final int MAX_QUERY = 100;

  private final EntryRows rows;
  private final EntryVisibility visibility;
  private final UserManagement users;

  StoreCatalog(EntryRows rows, EntryVisibility visibility, UserManagement users) {
    this.rows = rows;
    this.visibility = visibility;
    this.users = users;
  }

  /**
   * One page of the entries the user may see that match {@code q} (blank: all) and the category
   * (null: all), by name; the category counts are those of every category for the same search.
   */
  public Listing search(
      User me, @Nullable String q, @Nullable StoreCategory category, ResultPage.Request page) {
    User current = users.user(me.id()).filter(User::isActive).orElse(null);
    if (current == null) {
      return new Listing(new ResultPage<>(List.of(), page.page(), page.size(), 0), Map.of(), false);
    }
    String text = q == null ? "" : q.strip();
    if (text.length() > MAX_QUERY) {
      text = text.substring(0, MAX_QUERY);
    }
    Set<UUID> accounts = new HashSet<>();
    accounts.add(current.personalAccountId());
    if (current.companyId() != null) {
      accounts.add(current.companyId());
    }
    List<StoreEntry> found = rows.search(accounts, current.operator(), text, MAX_RESULTS + 1);
    boolean capped = found.size() > MAX_RESULTS;
    List<StoreEntry> visible =
        found.stream()
            .limit(MAX_RESULTS)
            .filter(e -> e.state() == EntryState.PUBLIC || visibility.sees(current, e))
            .toList();
    Map<StoreCategory, Long> counts = new EnumMap<>(StoreCategory.class);
    visible.forEach(e -> counts.merge(e.category(), 1L, Long::sum));
    List<StoreEntry> matching =
        category == null
            ? visible
            : visible.stream().filter(e -> e.category() == category).toList();
    int from = (int) Math.min(page.offset(), matching.size());
    int to = Math.min(from + page.size(), matching.size());
    return new Listing(
        new ResultPage<>(matching.subList(from, to), page.page(), page.size(), matching.size()),
        counts,
        capped);
  }

  /**
   * A page of the store: the entries, how many visible entries each category holds for the same
   * search, and whether the search hit {@link #MAX_RESULTS} (then narrow it to see the rest).
   */
  public record Listing(
      ResultPage<StoreEntry> entries, Map<StoreCategory, Long> categories, boolean capped) {

    public Listing {
      categories = Map.copyOf(categories);
    }
  }
}
