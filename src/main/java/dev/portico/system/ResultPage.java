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
    return page + 1 < pages();
  }

  public <R> ResultPage<R> map(Function<T, R> mapper) {
    return new ResultPage<>(items.stream().map(mapper).toList(), page, size, total);
  }

  /** The page number and size a caller asked for, clamped to sane bounds. */
  public record Request(int page, int size) {

    public static final int MAX_SIZE = 200;

    public Request {
      page = Math.max(0, page);
      size = size <= 0 ? 25 : Math.min(size, MAX_SIZE);
    }

    public int offset() {
      return page * size;
    }
  }
}
