package org.markpoint.marking.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.markpoint.model.security.IdentityCodec;

/**
 * A tiny real-HTTP client for tests: what an LMS would send, bytes and headers as they are. A request without
 * identity headers is sent as {@link TestIdentity#DEFAULT} unless it carries {@value #ANONYMOUS} (then it goes
 * with no identity at all, that header removed).
 */
public final class Http {

    /** Marks a request to be sent without any identity. */
    public static final String ANONYMOUS = "X-Test-Anonymous";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    public static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    public static HttpResponse<String> post(String url, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static HttpResponse<String> postJson(String url, String body) {
        return post(url, "application/json", body);
    }

    /** Any request, e.g. with extra headers: {@code Http.send(HttpRequest.newBuilder(uri).header(...).GET().build())}. */
    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(withIdentity(request), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest withIdentity(HttpRequest request) {
        if (request.headers().firstValue(ANONYMOUS).isPresent()) {
            return HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase(ANONYMOUS)).build();
        }
        if (request.headers().firstValue(IdentityCodec.HEADER).isPresent()) {
            return request;
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(request, (name, value) -> true);
        String[] h = TestIdentity.headers(TestIdentity.DEFAULT);
        for (int i = 0; i + 1 < h.length; i += 2) {
            b.header(h[i], h[i + 1]);
        }
        return b.build();
    }
}
