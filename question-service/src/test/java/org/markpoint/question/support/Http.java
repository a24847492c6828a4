package org.markpoint.question.support;

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

    /** A POST of {@code body} as {@code contentType}, with any extra header name/value pairs. */
    public static HttpResponse<String> post(String url, String contentType, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(withHeaders(b, headers).build());
    }

    public static HttpResponse<String> postJson(String url, String body) {
        return post(url, "application/json", body);
    }

    /** Any method, a JSON body (or none when null) and header name/value pairs. */
    public static HttpResponse<String> request(String method, String url, String jsonBody, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, jsonBody == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        return send(withHeaders(b, headers).build());
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder b, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

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
        return withHeaders(b, TestIdentity.headers(TestIdentity.DEFAULT)).build();
    }
}
