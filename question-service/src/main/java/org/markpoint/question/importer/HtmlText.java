package org.markpoint.question.importer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/** Reading the HTML that question formats embed: as XHTML when it is well-formed, else as lines of plain text. */
final class HtmlText {

    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</p>|</li>|</div>|</h\\d>|<li[^>]*>|</tr>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern BULLET = Pattern.compile("^(?:[-•*]|\\d{1,2}[.)])\\s+");

    private HtmlText() {
    }

    /** The fragment as an element (wrapped in a div), or empty when it is not well-formed XHTML. */
    static Optional<Element> asXhtml(String html) {
        if (html.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SafeXml.parse(("<div>" + html + "</div>").getBytes(StandardCharsets.UTF_8))
                    .getDocumentElement());
        } catch (SafeXml.XmlRejected e) {
            return Optional.empty();
        }
    }

    /** Non-empty lines of text, list bullets and numbering removed. */
    static List<String> lines(String html) {
        String text = TAG.matcher(BREAKS.matcher(html).replaceAll("\n")).replaceAll(" ");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String t = BULLET.matcher(line.replaceAll("\\s+", " ").strip()).replaceFirst("").strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    static String plain(String html) {
        return String.join(" ", lines(html));
    }
}
