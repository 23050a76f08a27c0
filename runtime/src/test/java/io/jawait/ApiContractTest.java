package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the runtime in step with the public API contract: ApiContract.java (a copy of
 * shared/contract/ApiContract.java) uses every public name of API.md with its exact types, and
 * must compile against the runtime and the annotations.
 */
class ApiContractTest {
    private static final String CONTRACT = "contract/ApiContract.java";

    @Test
    void contractCompilesAgainstTheRuntime(@TempDir Path out) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        List<String> options = List.of("-proc:none", "-d", out.toString(), "-cp", System.getProperty("java.class.path"));
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            ok = javac.getTask(errors, files, null, options, null, files.getJavaFileObjects(contractCopy())).call();
        }
        assertTrue(ok, "ApiContract.java does not compile against the runtime:\n" + errors);
        assertTrue(Files.exists(out.resolve("contract/ApiContract.class")));
    }

    /** The copy must match the contract in shared/, when shared/ sits beside the repository. */
    @Test
    void copyMatchesTheSharedContract() throws Exception {
        Path shared = repositoryRoot().resolveSibling("shared").resolve("contract/ApiContract.java");
        assumeTrue(Files.exists(shared), "shared/ is not beside the repository here");
        assertEquals(Files.readString(shared), Files.readString(contractCopy()),
                "runtime/src/test/resources/contract/ApiContract.java drifted from shared/contract/ApiContract.java");
    }

    private static Path contractCopy() throws URISyntaxException {
        URL url = ApiContractTest.class.getClassLoader().getResource(CONTRACT);
        if (url == null) {
            throw new UncheckedIOException(new IOException(CONTRACT + " is missing from the test resources"));
        }
        return Path.of(url.toURI());
    }

    /** runtime/target/test-classes -> the repository root. */
    private static Path repositoryRoot() throws URISyntaxException {
        Path testClasses = Path.of(ApiContractTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return testClasses.getParent().getParent().getParent();
    }
}
