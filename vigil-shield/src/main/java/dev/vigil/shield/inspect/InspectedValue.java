package dev.vigil.shield.inspect;

import java.util.List;

/**
 * One attacker-controlled value as detectors see it: where it came from, and every distinct variant of it (the raw
 * text first, then decoded forms). The variants are computed once per value by {@link Normalizer} and shared by all
 * detectors.
 *
 * @param location where the value is in the event, e.g. {@code body.$.order.note}
 * @param name the parameter, header, field or key name the value belongs to (last path segment), or empty
 * @param source the part of the event it came from
 * @param recordIndex the batch record, or -1
 * @param variants the raw value first, then each distinct decoded form
 */
public record InspectedValue(String location, String name, Source source, int recordIndex, List<Variant> variants) {

    /** The value as extracted. */
    public String raw() {
        return variants.get(0).text();
    }
}
