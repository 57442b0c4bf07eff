package org.partnerhub.onboarding.e2e;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser would read off one screen of 360dialog's permission page: the form's target, its prefilled
 * fields, and the numbers offered to share or revoke. Just enough HTML reading to click through the sandbox's pages.
 */
record PermissionPage(URI target, Map<String, String> fields, Map<String, Offer> offers) {

    /** A number on the numbers screen: {@code permit} to share it (checked if new), {@code revoke} to take it back. */
    record Offer(String field, String channelId, String number, boolean checked) {
    }

    private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");
    private static final Pattern INPUT = Pattern.compile("<input ([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)(?:=\"([^\"]*)\")?");
    private static final Pattern NUMBER = Pattern.compile("\\s*(?:share|revoke access to) \\+(\\d+)");

    /** @param at where the page was read, which its form's relative action is resolved against */
    static PermissionPage read(URI at, String html) {
        Matcher form = FORM.matcher(html);
        if (!form.find()) {
            throw new AssertionError("no form on the page:\n" + html);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Offer> offers = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group(1));
            String name = attributes.get("name");
            if ("checkbox".equals(attributes.get("type"))) {
                Matcher number = NUMBER.matcher(html.substring(input.end()));
                if (!number.lookingAt()) {
                    throw new AssertionError("a checkbox without its number: " + input.group());
                }
                offers.put(number.group(1), new Offer(name, attributes.get("value"), number.group(1),
                        attributes.containsKey("checked")));
            } else if (name != null) {
                fields.put(name, attributes.getOrDefault("value", ""));
            }
        }
        return new PermissionPage(at.resolve(unescape(form.group(1))), fields, offers);
    }

    boolean asksForPayment() {
        return target.getPath().endsWith("/payment");
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(tag);
        while (attribute.find()) {
            attributes.put(attribute.group(1), attribute.group(2) == null ? "" : unescape(attribute.group(2)));
        }
        return attributes;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
