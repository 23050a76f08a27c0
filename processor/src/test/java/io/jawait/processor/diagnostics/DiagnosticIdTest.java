package io.jawait.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ids are the contract with users: unique, bracketed, and each documented. */
class DiagnosticIdTest {

    @Test
    void idsAreUniqueAndPrintedInBrackets() {
        List<String> ids = Arrays.stream(DiagnosticId.values()).map(DiagnosticId::id).toList();
        assertThat(ids).containsNoDuplicates();
        assertThat(DiagnosticId.AWAIT_IN_LAMBDA.format("no")).isEqualTo("[AwaitInLambda] no");
    }

    @Test
    void everyIdHasASectionInTheDiagnosticsGuide() throws IOException {
        List<String> headings = Files.readAllLines(guide()).stream()
                .filter(line -> line.startsWith("## ")).map(line -> line.substring(3).strip())
                .toList();
        List<String> ids = Arrays.stream(DiagnosticId.values()).map(DiagnosticId::id).toList();
        assertThat(headings).containsExactlyElementsIn(ids);
    }

    private static Path guide() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path guide = dir.resolve("docs").resolve("diagnostics.md");
            if (Files.isRegularFile(guide)) {
                return guide;
            }
        }
        throw new IOException("no docs/diagnostics.md above " + Path.of("").toAbsolutePath());
    }
}
