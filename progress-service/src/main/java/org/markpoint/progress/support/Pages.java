package org.markpoint.progress.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Answers a paged list: the page as the body, and a {@code Link: <...>; rel="next"} header while there is more. */
public final class Pages {

    private Pages() {
    }

    public static <T> ResponseEntity<Page<T>> response(Page<T> page) {
        return withNext(page, page.next());
    }

    /** Any body that carries its own {@code next} cursor. */
    public static <B> ResponseEntity<B> withNext(B body, String next) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (!next.isEmpty()) {
            String link = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("cursor", next)
                    .toUriString();
            ok.header(HttpHeaders.LINK, "<" + link + ">; rel=\"next\"");
        }
        return ok.body(body);
    }
}
