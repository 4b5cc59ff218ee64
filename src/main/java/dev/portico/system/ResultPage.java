package dev.portico.system;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a sorted list: the shape of every list in the REST API ({@code items, page, size,
 * total}) and of every paged console table.
 */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

  public ResultPage {
    items = List.copyOf(items);
  }

  public int pages() {
    return size == 0 ? 0 : (int) ((total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    // not page + 1 < pages(): that wraps around on the last int
    return page < pages() - 1;
  }

  /** The page before this one; the last page when this one lies beyond the end. */
  public int previousPage() {
    return Math.max(0, Math.min(page - 1, pages() - 1));
  }

  public <R> ResultPage<R> map(Function<T, R> mapper) {
    return new ResultPage<>(items.stream().map(mapper).toList(), page, size, total);
  }

  /**
   * The page number and size a caller asked for, clamped to sane bounds: a page far beyond any list
   * ({@code ?page=10737419&size=200}) is an empty page, never an overflowing offset.
   */
  public record Request(int page, int size) {

    public static final int MAX_SIZE = 200;

    /**
     * Far beyond any real list (a billion rows at the largest size), low enough that {@code page +
     * 1} and {@code page * size} never overflow.
     */
    public static final int MAX_PAGE = 5_000_000;

    public Request {
      page = Math.min(Math.max(0, page), MAX_PAGE);
      size = size <= 0 ? 25 : Math.min(size, MAX_SIZE);
    }

    /** How many rows come before this page; a {@code long}, so it cannot wrap around. */
    public long offset() {
      return (long) page * size;
    }
  }
}
