package io.jawait.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jawait.processor.fuzz.Ast.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing of the compiler: random {@code @Async} bodies compiled by the processor
 * must behave exactly like their synchronous twins (same result or exception, same side-effect
 * log) with awaitables that are done, pending in random order, and failing.
 *
 * <p>CI runs a fixed budget. More: {@code mvn -pl processor -am test -Dtest=CompilerFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Djawait.fuzz.programs=5000
 * -Djunit.jupiter.execution.timeout.default=2h} (about 4 programs a second on 2 cores; the
 * default test timeout is 300 s). A failure prints the seed
 * that reproduces it alone ({@code -Djawait.fuzz.seed=S -Djawait.fuzz.programs=1}) and the
 * program shrunk to a small one.
 */
class CompilerFuzzTest {
    private static final int PROGRAMS = Integer.getInteger("jawait.fuzz.programs", 200);
    private static final long SEED = Long.getLong("jawait.fuzz.seed", 20_261_122L);
    private static final int BATCH = 50;

    private final FuzzHarness harness = new FuzzHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void compiledMethodsBehaveLikeTheirSynchronousTwins() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        int checked = 0;
        for (int start = 0; start < PROGRAMS && failures.size() < 3; start += BATCH) {
            Map<String, Block> bodies = new LinkedHashMap<>();
            Map<String, String> sources = new LinkedHashMap<>();
            for (int i = start; i < Math.min(PROGRAMS, start + BATCH); i++) {
                String name = "P" + (SEED + i);
                Block body = new ProgramGenerator(SEED + i).body();
                bodies.put(name, body);
                sources.put(name, ProgramPrinter.compilationUnit(name, body));
            }
            FuzzHarness.Compiled plain = harness.compile(sources, false);
            assertTrue(plain.ok(), "the generator wrote invalid Java: " + plain.errors());
            FuzzHarness.Compiled compiled = compileSetAside(sources, unsupported, failures, bodies);
            for (String name : sources.keySet()) {
                String problem = harness.check(compiled.loader(), name, seedOf(name));
                checked++;
                if (problem != null && failures.size() < 3) {
                    failures.add(report(name, bodies.get(name), problem));
                }
            }
        }
        System.out.printf("compiler fuzz: %d programs checked in 3 modes, %d rejected as [UnsupportedConstruct]%n",
                checked, unsupported.size());
        if (!failures.isEmpty()) {
            fail(failures.size() + " generated program(s) misbehave:\n\n" + String.join("\n\n", failures));
        }
        assertTrue(checked > 0, "every generated program was rejected as unsupported");
    }

    /**
     * Compiles the batch with the processor. Programs rejected only with [UnsupportedConstruct]
     * (a clear error, never a miscompilation) are set aside; any other error is a failure.
     * Returns the compilation of what is left ({@code sources} is trimmed to it).
     */
    private FuzzHarness.Compiled compileSetAside(Map<String, String> sources, List<String> unsupported,
            List<String> failures, Map<String, Block> bodies) throws Exception {
        for (;;) {
            FuzzHarness.Compiled compiled = harness.compile(sources, true);
            if (compiled.ok() || sources.isEmpty()) {
                return compiled;
            }
            Map<String, List<String>> byProgram = new LinkedHashMap<>();
            for (String error : compiled.errors()) {
                String name = error.contains(".java:") ? error.substring(0, error.indexOf(".java:")) : "";
                byProgram.computeIfAbsent(name, k -> new ArrayList<>()).add(error);
            }
            for (Map.Entry<String, List<String>> e : byProgram.entrySet()) {
                if (!sources.containsKey(e.getKey())) {
                    fail("the processor failed outside any generated program: " + e.getValue());
                }
                if (e.getValue().stream().allMatch(m -> m.contains("[UnsupportedConstruct]"))) {
                    unsupported.add(e.getKey());
                } else if (failures.size() < 3) {
                    failures.add(report(e.getKey(), bodies.get(e.getKey()),
                            "the processor rejects a valid program: " + e.getValue()));
                }
                sources.remove(e.getKey());
            }
        }
    }

    private static long seedOf(String name) {
        return Long.parseLong(name.substring(1));
    }

    /** Null when the program compiles and behaves alone (or is unsupported), else what is wrong with it. */
    private String problemCompilingAlone(String name, Block body) throws Exception {
        FuzzHarness.Compiled c = harness.compile(Map.of(name, ProgramPrinter.compilationUnit(name, body)), true);
        if (c.ok()) {
            return harness.check(c.loader(), name, seedOf(name));
        }
        return c.errors().stream().allMatch(m -> m.contains("[UnsupportedConstruct]")) ? null
                : "the processor rejects a valid program: " + c.errors();
    }

    private String report(String name, Block body, String problem) {
        Block small = Shrinker.shrink(body, candidate -> {
            try {
                String source = ProgramPrinter.compilationUnit(name, candidate);
                if (!harness.compile(Map.of(name, source), false).ok()) {
                    return false;
                }
                return problemCompilingAlone(name, candidate) != null;
            } catch (Exception e) {
                return false;
            }
        }, 300);
        String shrunkProblem;
        try {
            shrunkProblem = problemCompilingAlone(name, small);
        } catch (Exception e) {
            shrunkProblem = e.toString();
        }
        return "seed " + seedOf(name) + " (reproduce with -Djawait.fuzz.seed=" + seedOf(name)
                + " -Djawait.fuzz.programs=1): " + problem + "\nshrunk: " + shrunkProblem + "\n"
                + ProgramPrinter.compilationUnit(name, small);
    }
}
