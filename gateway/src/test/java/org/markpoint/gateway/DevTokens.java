package org.markpoint.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A tutor's {@code Bearer} token from a test gateway's dev issuer ({@code /api/**} needs one). */
final class DevTokens {

    private DevTokens() {
    }

    static String tutorBearer(int gatewayPort) throws IOException, InterruptedException {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gatewayPort + "/auth/dev/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"subject\":\"tutor1\",\"tenant\":\"demo\",\"roles\":[\"tutor\"]}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String token = body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        if (token.equals(body)) {
            throw new IllegalStateException("no dev token: " + body);
        }
        return "Bearer " + token;
    }
}
