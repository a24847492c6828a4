package org.markpoint.progress.lti;

import java.util.List;
import java.util.Map;

/**
 * The few HTML pages of the launch flow, plain and self-contained (the gateway's CSP allows no inline script or
 * style: the auto-submitting form uses {@code /lti/assets/autosubmit.js}). Every value is escaped.
 */
final class LtiPages {

    /** A unit the deep-linking picker offers. */
    record Choice(String value, String title, String detail) {
    }

    private LtiPages() {
    }

    static String error(int status, String reason) {
        return page("Launch refused", "<h1>Markpoint could not start this launch</h1>"
                + "<p>" + esc(reason) + "</p><p>Status " + status + ". Ask your LMS administrator to check Markpoint's "
                + "LTI registration (issuer, client id, deployment id and keys), then launch again from the course."
                + "</p>");
    }

    /** A form posting {@code fields} to {@code action} at once (with a button if scripts are off). */
    static String autoPost(String action, Map<String, String> fields) {
        StringBuilder inputs = new StringBuilder();
        fields.forEach((k, v) -> inputs.append("<input type=\"hidden\" name=\"").append(esc(k)).append("\" value=\"")
                .append(esc(v)).append("\">"));
        return page("Returning to your course", "<form method=\"post\" data-autosubmit action=\"" + esc(action)
                + "\">" + inputs + "<p>Returning to your course&hellip;</p><button type=\"submit\">Continue</button>"
                + "</form><script src=\"/lti/assets/autosubmit.js\"></script>");
    }

    static String picker(String requestId, List<Choice> choices) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            items.append("<li><label><input type=\"radio\" name=\"choice\" required value=\"").append(esc(c.value()))
                    .append("\"").append(i == 0 ? " checked" : "").append("> <strong>").append(esc(c.title()))
                    .append("</strong> <span>").append(esc(c.detail())).append("</span></label></li>");
        }
        String body = choices.isEmpty()
                ? "<p>There are no published questions yet: publish some in Markpoint's question bank first.</p>"
                : "<form method=\"post\" action=\"/lti/deep-link\"><input type=\"hidden\" name=\"request\" value=\""
                        + esc(requestId) + "\"><fieldset><legend>Add an adaptive quiz over one unit</legend><ul>" + items
                        + "</ul></fieldset><button type=\"submit\">Add to course</button></form>";
        return page("Choose a Markpoint quiz", "<h1>Choose a Markpoint quiz</h1>" + body);
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + " · Markpoint</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main id=\"main\">" + body
                + "</main></body></html>";
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
