package br.com.vetric.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with what a client needs to page further. */
public record PageResult<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageResult<T> of(List<T> content, int page, int size, long total) {
        return new PageResult<>(content, page, size, total, size == 0 ? 0 : (int) ((total + size - 1) / size));
    }

    public <R> PageResult<R> map(Function<T, R> f) {
        return new PageResult<>(content.stream().map(f).toList(), page, size, totalElements, totalPages);
    }
}
