package org.markpoint.marking.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Markpoint-Signature} header, Stripe's scheme: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} where the
 * MAC is over {@code "<t>.<raw body>"} keyed with the webhook's secret. Receivers recompute it, compare in constant
 * time and reject a {@code t} older than a few minutes (replay).
 */
public final class WebhookSignature {

    public static final String HEADER = "Markpoint-Signature";

    private WebhookSignature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + body);
    }

    static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
