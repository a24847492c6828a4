package org.markpoint.progress.support;

import java.util.List;
import java.util.function.Function;

/** A page of results; {@code next} is the cursor to pass back, empty on the last page. */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page after {@code cursor} (the key of the previous page's last item; empty for the first page) of a list in
     * its final order. A cursor that names no item (the list changed, or it was made up) is a 400 on {@code cursor}.
     */
    public static <T> Page<T> of(List<T> all, Function<T, String> key, String cursor, int limit) {
        int from = 0;
        if (!cursor.isEmpty()) {
            int at = -1;
            for (int i = 0; i < all.size() && at < 0; i++) {
                if (key.apply(all.get(i)).equals(cursor)) {
                    at = i;
                }
            }
            if (at < 0) {
                throw new InvalidRequestException("cursor", "no item '" + cursor
                        + "' in this list (it changed, or the cursor is not one we gave); start again without one");
            }
            from = at + 1;
        }
        int to = Math.min(all.size(), from + limit);
        List<T> items = all.subList(from, to);
        return new Page<>(items, to < all.size() ? key.apply(items.getLast()) : "");
    }
}
