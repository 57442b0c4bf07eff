package org.partnerhub.onboarding.auth;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Which hubs (or tenants) a credential may see: all of them ({@code *}) or the listed ones only. */
public sealed interface Reach {

    String ALL = "*";

    boolean allows(String value);

    /** @return the listed values, or empty when every value is allowed (for a query's filter) */
    Optional<Set<String>> only();

    record All() implements Reach {

        @Override
        public boolean allows(String value) {
            return true;
        }

        @Override
        public Optional<Set<String>> only() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return ALL;
        }
    }

    /** A channel whose hub or tenant is not known yet is outside every list. */
    record Only(Set<String> values) implements Reach {

        public Only {
            values = Set.copyOf(values);
        }

        @Override
        public boolean allows(String value) {
            return value != null && values.contains(value);
        }

        @Override
        public Optional<Set<String>> only() {
            return Optional.of(values);
        }

        @Override
        public String toString() {
            return String.join(",", values.stream().sorted().toList());
        }
    }

    /**
     * @param entries the configured comma list: {@code *} alone, or one or more names
     * @throws IllegalArgumentException for an empty list, a blank entry or {@code *} mixed with names
     */
    static Reach of(List<String> entries) {
        List<String> values = entries.stream().map(String::trim).toList();
        if (values.isEmpty() || values.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("must be * or a comma list of names, not '" + String.join(",", entries)
                    + "'");
        }
        if (values.contains(ALL)) {
            if (values.size() > 1) {
                throw new IllegalArgumentException("* stands alone, not in '" + String.join(",", entries) + "'");
            }
            return new All();
        }
        return new Only(Set.copyOf(values));
    }
}
