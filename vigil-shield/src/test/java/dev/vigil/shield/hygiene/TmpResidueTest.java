package dev.vigil.shield.hygiene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TmpResidueTest {

    @TempDir
    Path tmp;

    @TempDir
    Path outside;

    private static void write(Path file, int bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
    }

    @Test
    void files_present_at_init_are_baseline() throws IOException {
        write(tmp.resolve("static-init.cache"), 100);
        write(tmp.resolve("hsperfdata_sbx_user1051/7"), 32);

        TmpResidue residue = new TmpResidue(tmp, 100);

        assertThat(residue.check().isEmpty()).isTrue();
        assertThat(residue.baselineTruncated()).isFalse();
    }

    @Test
    void new_files_and_nested_directories_are_residue() throws IOException {
        write(tmp.resolve("keep.txt"), 10);
        TmpResidue residue = new TmpResidue(tmp, 100);

        write(tmp.resolve("invoice-123.pdf"), 1000);
        write(tmp.resolve("tenant-a/uploads/photo.jpg"), 500);
        write(tmp.resolve("keep.txt"), 20);

        TmpResidue.Residue found = residue.check();

        assertThat(found.count()).isEqualTo(4);
        assertThat(found.totalBytes()).isEqualTo(1500);
        assertThat(found.samples())
                .containsExactlyInAnyOrder(
                        "invoice-123.pdf", "tenant-a", "tenant-a/uploads", "tenant-a/uploads/photo.jpg");
        assertThat(found.truncated()).isFalse();
    }

    @Test
    void check_does_not_change_the_baseline_but_mark_clean_does() throws IOException {
        TmpResidue residue = new TmpResidue(tmp, 100);
        write(tmp.resolve("left-behind.json"), 7);

        assertThat(residue.check().count()).isEqualTo(1);
        assertThat(residue.check().count()).isEqualTo(1);

        residue.markClean();

        assertThat(residue.check().isEmpty()).isTrue();
        write(tmp.resolve("next.json"), 3);
        assertThat(residue.check().samples()).containsExactly("next.json");
    }

    @Test
    void samples_are_bounded_but_count_and_bytes_are_not() throws IOException {
        TmpResidue residue = new TmpResidue(tmp, 100, 3);
        for (int i = 0; i < 10; i++) {
            write(tmp.resolve("f" + i), 2);
        }

        TmpResidue.Residue found = residue.check();

        assertThat(found.count()).isEqualTo(10);
        assertThat(found.totalBytes()).isEqualTo(20);
        assertThat(found.samples()).hasSize(3).allSatisfy(s -> assertThat(s).matches("f[0-9]"));
    }

    @Test
    void sample_paths_escape_control_characters_and_are_bounded() throws IOException {
        TmpResidue residue = new TmpResidue(tmp, 100, 20);
        write(tmp.resolve("evil\nname\u202e.txt"), 1);
        write(tmp.resolve("x".repeat(200)), 1);

        assertThat(residue.check().samples())
                .containsExactlyInAnyOrder("evil\\x0aname\\u202e.txt", "x".repeat(120) + "…")
                .allSatisfy(s -> assertThat(s).doesNotContain("\n", "\u202e"));
    }

    @ParameterizedTest(name = "secure streams: {0}")
    @ValueSource(booleans = {true, false})
    void wipe_removes_residue_and_keeps_baseline_and_the_directory(boolean secure) throws IOException {
        write(tmp.resolve("keep.txt"), 10);
        write(tmp.resolve("cache/keep.bin"), 10);
        TmpResidue residue = new TmpResidue(tmp, 100);
        write(tmp.resolve("secret-report.csv"), 300);
        write(tmp.resolve("cache/new.bin"), 40);
        write(tmp.resolve("work/a/b/c.txt"), 5);

        TmpResidue.WipeResult wiped = wipe(residue, secure);

        assertThat(wiped.removed()).isEqualTo(6);
        assertThat(wiped.removedBytes()).isEqualTo(345);
        assertThat(wiped.failed()).isZero();
        assertThat(wiped.removedSamples())
                .containsExactlyInAnyOrder(
                        "secret-report.csv", "cache/new.bin", "work/a/b/c.txt", "work/a/b", "work/a", "work");
        assertThat(tmp).isDirectory();
        assertThat(tmp.resolve("keep.txt")).exists();
        assertThat(tmp.resolve("cache/keep.bin")).exists();
        assertThat(tmp.resolve("cache/new.bin")).doesNotExist();
        assertThat(tmp.resolve("work")).doesNotExist();
        assertThat(residue.check().isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "secure streams: {0}")
    @ValueSource(booleans = {true, false})
    void wipe_deletes_symlinks_but_never_their_targets(boolean secure) throws IOException {
        write(outside.resolve("precious/data.txt"), 64);
        write(outside.resolve("precious.txt"), 64);
        TmpResidue residue = new TmpResidue(tmp, 100);
        Files.createSymbolicLink(tmp.resolve("dir-link"), outside.resolve("precious"));
        Files.createSymbolicLink(tmp.resolve("file-link"), outside.resolve("precious.txt"));
        Files.createDirectories(tmp.resolve("nested"));
        Files.createSymbolicLink(tmp.resolve("nested/up"), outside);

        TmpResidue.Residue found = residue.check();
        TmpResidue.WipeResult wiped = wipe(residue, secure);

        assertThat(found.count()).isEqualTo(4);
        assertThat(found.totalBytes()).isZero();
        assertThat(wiped.removed()).isEqualTo(4);
        assertThat(wiped.removedBytes()).isZero();
        assertThat(outside.resolve("precious/data.txt")).exists();
        assertThat(outside.resolve("precious.txt")).exists();
        assertThat(Files.exists(tmp.resolve("dir-link"), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(Files.exists(tmp.resolve("file-link"), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(tmp.resolve("nested")).doesNotExist();
    }

    @Test
    void baseline_symlink_to_outside_is_kept_and_not_entered() throws IOException {
        write(outside.resolve("other.txt"), 8);
        Files.createSymbolicLink(tmp.resolve("link"), outside);
        TmpResidue residue = new TmpResidue(tmp, 100);
        write(outside.resolve("appeared-later.txt"), 8);

        assertThat(residue.check().isEmpty()).isTrue();
        TmpResidue.WipeResult wiped = residue.wipe();

        assertThat(wiped.removed()).isZero();
        assertThat(outside.resolve("appeared-later.txt")).exists();
        assertThat(Files.isSymbolicLink(tmp.resolve("link"))).isTrue();
    }

    @Test
    void entry_bound_truncates_check_and_wipe_and_repeated_wipes_finish() throws IOException {
        TmpResidue residue = new TmpResidue(tmp, 5);
        for (int i = 0; i < 12; i++) {
            write(tmp.resolve("f" + i), 10);
        }

        TmpResidue.Residue found = residue.check();
        assertThat(found.truncated()).isTrue();
        assertThat(found.count()).isEqualTo(5);

        TmpResidue.WipeResult first = residue.wipe();
        assertThat(first.truncated()).isTrue();
        assertThat(first.removed()).isEqualTo(5);
        residue.wipe();
        TmpResidue.WipeResult last = residue.wipe();
        assertThat(last.truncated()).isFalse();
        assertThat(last.removed()).isEqualTo(2);
        try (var list = Files.list(tmp)) {
            assertThat(list).isEmpty();
        }
    }

    @Test
    void entries_deeper_than_the_bound_are_not_walked_and_their_residue_directory_is_reported_as_failed()
            throws IOException {
        TmpResidue residue = new TmpResidue(tmp, 1000);
        Path deep = tmp;
        for (int i = 0; i < TmpResidue.MAX_DEPTH + 3; i++) {
            deep = deep.resolve("d" + i);
        }
        write(deep.resolve("bottom.txt"), 1);

        TmpResidue.Residue found = residue.check();
        TmpResidue.WipeResult wiped = residue.wipe();

        assertThat(found.count()).isEqualTo(TmpResidue.MAX_DEPTH);
        assertThat(wiped.failed()).isEqualTo(TmpResidue.MAX_DEPTH);
        assertThat(wiped.removed()).isZero();
        assertThat(deep.resolve("bottom.txt")).exists();
    }

    @Test
    void missing_directory_has_no_residue_and_wipe_does_nothing() {
        TmpResidue residue = new TmpResidue(tmp.resolve("does-not-exist"), 100);

        assertThat(residue.check().isEmpty()).isTrue();
        TmpResidue.WipeResult wiped = residue.wipe();
        assertThat(wiped.removed()).isZero();
        assertThat(wiped.failed()).isZero();
    }

    @Test
    void check_after_cold_start_flow_reports_previous_invocations_files() throws IOException {
        write(tmp.resolve("from-static-init"), 1);
        TmpResidue residue = new TmpResidue(tmp, 100);

        assertThat(residue.check().isEmpty()).isTrue();
        write(tmp.resolve("invocation-1.tmp"), 11);

        TmpResidue.Residue atSecondStart = residue.check();
        assertThat(atSecondStart.samples()).containsExactly("invocation-1.tmp");
        assertThat(atSecondStart.totalBytes()).isEqualTo(11);
        residue.wipe();
        assertThat(residue.check().isEmpty()).isTrue();
        assertThat(tmp.resolve("from-static-init")).exists();
    }

    private TmpResidue.WipeResult wipe(TmpResidue residue, boolean secure) throws IOException {
        if (secure) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(tmp)) {
                assumeTrue(stream instanceof SecureDirectoryStream, "no secure directory streams on this platform");
            }
        }
        return secure ? residue.wipe() : residue.wipePortableForTest();
    }
}
