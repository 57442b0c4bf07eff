package org.partnerhub.onboarding.sandbox;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the numbers a client types: separated by commas, semicolons or lines, with or without +, spaces and dashes. */
final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** Numbers the client cannot have meant; the message is for the client. */
    static final class Unreadable extends IllegalArgumentException {

        Unreadable(String message) {
            super(message);
        }
    }

    /** @throws Unreadable with a message for the client */
    static List<String> parse(String typed, int max) {
        Set<String> numbers = new LinkedHashSet<>();
        for (String item : (typed == null ? "" : typed).split("[,;\\n\\r]+")) {
            String number = item.replaceAll("[\\s()\\-]", "").replaceFirst("^\\+", "");
            if (number.isEmpty()) {
                continue;
            }
            if (!number.matches("[0-9]{6,15}")) {
                throw new Unreadable("\"" + item.strip() + "\" is not a phone number (6 to 15 digits)");
            }
            numbers.add(number);
        }
        if (numbers.size() > max) {
            throw new Unreadable("at most " + max + " numbers at once");
        }
        return List.copyOf(numbers);
    }
}
