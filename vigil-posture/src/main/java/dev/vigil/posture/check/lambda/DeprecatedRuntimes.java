package dev.vigil.posture.check.lambda;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lambda runtimes with their deprecation date (start of "phase 1": no more security patches, no new functions), from
 * AWS's runtime deprecation tables in the Lambda developer guide, as of {@link #AS_OF}. The runtimes on Amazon Linux
 * 2 whose dates AWS moved past the Amazon Linux 2 end of life ({@code java8.al2}, {@code java11}, {@code java17},
 * {@code python3.10}, {@code python3.11}, {@code provided.al2}) are not listed until AWS publishes firm dates.
 * {@code java8} (Amazon Linux 1) is deprecated; {@code java8.al2} is not.
 */
final class DeprecatedRuntimes {
    private DeprecatedRuntimes() {}

    /** When this table was last checked against AWS's list. */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    static final Map<String, LocalDate> DEPRECATION = Map.ofEntries(
            Map.entry("nodejs", LocalDate.of(2016, 10, 31)),
            Map.entry("nodejs4.3", LocalDate.of(2020, 3, 5)),
            Map.entry("nodejs4.3-edge", LocalDate.of(2019, 4, 30)),
            Map.entry("nodejs6.10", LocalDate.of(2019, 8, 12)),
            Map.entry("nodejs8.10", LocalDate.of(2020, 3, 6)),
            Map.entry("nodejs10.x", LocalDate.of(2021, 7, 30)),
            Map.entry("nodejs12.x", LocalDate.of(2023, 3, 31)),
            Map.entry("nodejs14.x", LocalDate.of(2023, 12, 4)),
            Map.entry("nodejs16.x", LocalDate.of(2024, 6, 12)),
            Map.entry("nodejs18.x", LocalDate.of(2025, 9, 1)),
            Map.entry("nodejs20.x", LocalDate.of(2026, 4, 30)),
            Map.entry("python2.7", LocalDate.of(2021, 7, 15)),
            Map.entry("python3.6", LocalDate.of(2022, 7, 18)),
            Map.entry("python3.7", LocalDate.of(2023, 12, 4)),
            Map.entry("python3.8", LocalDate.of(2024, 10, 14)),
            Map.entry("python3.9", LocalDate.of(2025, 12, 15)),
            Map.entry("java8", LocalDate.of(2024, 1, 8)),
            Map.entry("go1.x", LocalDate.of(2024, 1, 8)),
            Map.entry("provided", LocalDate.of(2024, 1, 8)),
            Map.entry("ruby2.5", LocalDate.of(2021, 7, 30)),
            Map.entry("ruby2.7", LocalDate.of(2023, 12, 7)),
            Map.entry("ruby3.2", LocalDate.of(2026, 3, 31)),
            Map.entry("dotnetcore1.0", LocalDate.of(2019, 7, 30)),
            Map.entry("dotnetcore2.0", LocalDate.of(2019, 5, 30)),
            Map.entry("dotnetcore2.1", LocalDate.of(2022, 1, 5)),
            Map.entry("dotnetcore3.1", LocalDate.of(2023, 4, 3)),
            Map.entry("dotnet5.0", LocalDate.of(2022, 5, 10)),
            Map.entry("dotnet6", LocalDate.of(2024, 12, 20)),
            Map.entry("dotnet7", LocalDate.of(2024, 5, 14)),
            Map.entry("dotnet8", LocalDate.of(2026, 11, 10)));

    /** The deprecation date of {@code runtime} when it is on or before {@code today}. */
    static Optional<LocalDate> deprecatedOn(String runtime, LocalDate today) {
        LocalDate date = DEPRECATION.get(runtime.trim().toLowerCase(Locale.ROOT));
        return date != null && !date.isAfter(today) ? Optional.of(date) : Optional.empty();
    }
}
