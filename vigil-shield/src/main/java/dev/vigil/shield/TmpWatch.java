package dev.vigil.shield;

import dev.vigil.core.Severity;
import dev.vigil.core.telemetry.Action;
import dev.vigil.core.telemetry.PolicyViolation;
import dev.vigil.shield.hygiene.TmpResidue;
import dev.vigil.shield.policy.TmpResidueMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Watches {@code /tmp} for files a previous invocation left behind (SAS-12): the baseline is taken when the Shield is
 * built, each invocation starts with a check, and each leftover is reported once ({@code report}) or removed
 * ({@code wipe}).
 *
 * <p>To keep the common case to one {@code stat}, the directory is walked only when its modification time changed
 * since the last check, i.e. when an entry was added or removed at its top level. Files added inside a directory that
 * already existed at the baseline do not change that time and are only seen at the next walk.
 */
class TmpWatch {

    private static final TmpWatch OFF = new TmpWatch();

    /** A watch for {@code mode}; {@code off} (or an unreadable directory) watches nothing. */
    static TmpWatch create(TmpResidueMode mode, Path dir) {
        if (mode == TmpResidueMode.OFF || !Files.isDirectory(dir)) {
            return OFF;
        }
        return new Active(dir, mode == TmpResidueMode.WIPE);
    }

    void beforeInvocation(Invocation inv) {}

    private static final class Active extends TmpWatch {
        private final Path dir;
        private final boolean wipe;
        private final TmpResidue residue;
        private FileTime seen;

        Active(Path dir, boolean wipe) {
            this.dir = dir;
            this.wipe = wipe;
            String[] now = dir.toFile().list();
            this.residue = now != null && now.length == 0
                    ? TmpResidue.startingEmpty(dir, TmpResidue.DEFAULT_MAX_ENTRIES)
                    : new TmpResidue(dir, TmpResidue.DEFAULT_MAX_ENTRIES);
            this.seen = mtime();
        }

        @Override
        synchronized void beforeInvocation(Invocation inv) {
            FileTime now = mtime();
            if (now == null || now.equals(seen)) {
                return;
            }
            TmpResidue.Residue found = residue.check();
            if (!found.isEmpty()) {
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("directory", dir.toString());
                attributes.put("entries", Integer.toString(found.count()));
                attributes.put("bytes", Long.toString(found.totalBytes()));
                attributes.put("samples", String.join(", ", found.samples()));
                Action action = Action.MONITORED;
                if (wipe) {
                    TmpResidue.WipeResult wiped = residue.wipe();
                    attributes.put("removed", Integer.toString(wiped.removed()));
                    attributes.put("not_removed", Integer.toString(wiped.failed()));
                    action = Action.WIPED;
                }
                inv.report(new PolicyViolation(
                        System.currentTimeMillis(),
                        inv.function(),
                        inv.requestId(),
                        "hygiene.tmp",
                        RuleIds.TMP_RESIDUE,
                        "Files left in " + dir + " by a previous invocation: " + found.count(),
                        Severity.LOW,
                        action,
                        attributes));
                residue.markClean();
            }
            seen = mtime();
        }

        /** The directory's modification time (nanosecond precision where the file system has it), or null. */
        private FileTime mtime() {
            try {
                return Files.getLastModifiedTime(dir);
            } catch (IOException e) {
                return null;
            }
        }
    }
}
