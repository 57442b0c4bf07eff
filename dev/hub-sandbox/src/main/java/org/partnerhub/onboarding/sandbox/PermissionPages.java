package org.partnerhub.onboarding.sandbox;

import java.util.List;

/** The permission page's HTML, one method per screen; every value from outside is escaped. */
final class PermissionPages {

    private PermissionPages() {
    }

    /** What the flow carries from screen to screen before a visit exists. */
    record Flow(String redirectUrl, String state, String partnerPayload) {
    }

    static String signUp(String partnerId, Flow flow, String name, String email, String numbers) {
        return page("Create your 360dialog account", """
                <form method="post" action="%s/signup">
                  %s
                  <label>Company name <input name="name" value="%s" required></label>
                  <label>Email <input name="email" type="email" value="%s" required></label>
                  <label>WhatsApp numbers (comma-separated) <input name="numbers" value="%s" required></label>
                  <button type="submit">Sign up</button>
                </form>""".formatted(base(partnerId), hidden(flow), escape(name), escape(email), escape(numbers)));
    }

    static String login(String partnerId, Flow flow, String email, String numbers) {
        return page("Log in to 360dialog", """
                <form method="post" action="%s/login">
                  %s
                  <label>Email <input name="email" type="email" value="%s" required></label>
                  <label>Numbers to add (optional) <input name="numbers" value="%s"></label>
                  <button type="submit">Log in</button>
                </form>""".formatted(base(partnerId), hidden(flow), escape(email), escape(numbers)));
    }

    static String price(String partnerId, Visit visit) {
        return page("Your plan", """
                <p>Direct Payment: you pay 360dialog yourself.</p>
                <p>Numbers: %s</p>
                <p class="price">EUR 49 per number and month (sandbox: nothing is charged)</p>
                <form method="post" action="%s/visits/%s/payment">
                  <button type="submit">Accept and continue</button>
                </form>""".formatted(escape(String.join(", ", visit.numbers())), base(partnerId),
                escape(visit.id())));
    }

    static String choose(String partnerId, Visit visit, List<Channel> channels) {
        StringBuilder rows = new StringBuilder();
        for (Channel channel : channels) {
            String id = escape(channel.id());
            String number = escape(channel.phoneNumber());
            if (channel.permitted()) {
                rows.append("<li><label><input type=\"checkbox\" name=\"revoke\" value=\"%s\"> revoke access to +%s (%s)</label></li>\n"
                        .formatted(id, number, id));
            } else {
                rows.append("<li><label><input type=\"checkbox\" name=\"permit\" value=\"%s\"%s> share +%s (%s)</label></li>\n"
                        .formatted(id, visit.connected().contains(channel.id()) ? " checked" : "", number, id));
            }
        }
        return page("Which numbers may the partner use?", """
                <form method="post" action="%s/visits/%s/permissions">
                  <ul>
                %s  </ul>
                  <button type="submit">Continue</button>
                </form>""".formatted(base(partnerId), escape(visit.id()), rows));
    }

    static String error(String message) {
        return page("Something went wrong", "<p class=\"error\">" + escape(message) + "</p>");
    }

    private static String hidden(Flow flow) {
        StringBuilder fields = new StringBuilder();
        field(fields, "redirect_url", flow.redirectUrl());
        field(fields, "state", flow.state());
        field(fields, "partner", flow.partnerPayload());
        return fields.toString();
    }

    private static void field(StringBuilder fields, String name, String value) {
        if (value != null) {
            fields.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(escape(value))
                    .append("\">");
        }
    }

    private static String base(String partnerId) {
        return "/dashboard/app/" + escape(partnerId) + "/permissions";
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s · 360dialog sandbox</title>
                <style>body{font-family:sans-serif;max-width:36em;margin:2em auto}label{display:block;margin:.5em 0}</style>
                </head><body><h1>%s</h1>
                %s
                </body></html>
                """.formatted(escape(title), escape(title), body);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
