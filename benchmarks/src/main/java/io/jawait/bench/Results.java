package io.jawait.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one run measured: values by key (e.g. {@code W1.kotlin}) and why missing ones are missing. */
final class Results {
    private final Map<String, Double> values = new LinkedHashMap<>();
    private final Map<String, String> missing = new LinkedHashMap<>();

    void put(String key, double value) {
        values.put(key, value);
        System.out.printf("  %-28s %,.3f%n", key, value);
    }

    void skip(String key, String why) {
        missing.put(key, why);
        System.out.println("  " + key + ": not measured: " + why.lines().findFirst().orElse(why));
    }

    Double get(String key) {
        return values.get(key);
    }

    /** @return why {@code key} has no value, or a generic reason */
    String whyMissing(String key) {
        return missing.getOrDefault(key, "not run (--only)");
    }
}
