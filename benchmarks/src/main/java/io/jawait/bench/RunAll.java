package io.jawait.bench;

import io.jawait.bench.peers.VirtualThreads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every workload of issue 7 against every available peer in one go and writes the ratio
 * table (benchmarks/run.sh calls it). Options: {@code --quick} (tiny iterations, for checking
 * that everything runs; the report says so), {@code --only W1,W6} (a subset),
 * {@code --out <file>} (default RESULTS.md), {@code --python <script>},
 * {@code --conditions "<text>"} (how quiet the machine was, written into the report),
 * {@code --revision <git revision>} (what was measured).
 */
public final class RunAll {
    /** Forked JVM flags common to every JMH benchmark and runner. */
    static final List<String> HEAP = List.of("-Xms2g", "-Xmx2g");
    static final List<String> MEMORY_FLAGS = List.of("-XX:+UseSerialGC", "-Xms3g", "-Xmx3g");
    static final String VT_ONE_CARRIER = "-Djdk.virtualThreadScheduler.parallelism=1";
    static final List<String> JAVAC_EXPORTS = javacExports();

    private final Settings settings;
    private final Results results = new Results();
    private final Set<String> workloads;
    private final Path logs = Path.of("target", "bench-logs");

    private RunAll(Settings settings, Set<String> workloads) {
        this.settings = settings;
        this.workloads = workloads;
    }

    /** @param args see the class comment */
    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Set<String> only = new HashSet<>(List.of("W1", "W2", "W3", "W4", "W5", "W6", "W7"));
        Path out = Path.of("RESULTS.md");
        Path python = Path.of("python", "asyncio_bench.py");
        String conditions = "not stated";
        String revision = "unknown";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> only = new HashSet<>(Arrays.asList(args[++i].split(",")));
                case "--out" -> out = Path.of(args[++i]);
                case "--python" -> python = Path.of(args[++i]);
                case "--conditions" -> conditions = args[++i];
                case "--revision" -> revision = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Settings settings = quick ? Settings.QUICK : Settings.FULL;
        RunAll run = new RunAll(settings, only);
        String loadBefore = Machine.loadAverage();
        long start = System.nanoTime();
        run.jmhWorkloads();
        run.runnerWorkloads(python);
        double minutes = (System.nanoTime() - start) / 60e9;
        String report = new ReportWriter(run.results, settings, revision, conditions, loadBefore, Machine.loadAverage(), minutes).render();
        Files.writeString(out, report);
        System.out.println("wrote " + out.toAbsolutePath() + String.format(" (%.1f min)", minutes));
    }

    // ------------------------------------------------------------------ W1-W3: JMH

    private void jmhWorkloads() throws IOException {
        jmh("W1.jawait", "io.jawait.bench.jawait.JawaitBench.spawnAndGather", List.of(), false);
        jmh("W1.completableFuture", "io.jawait.bench.jmh.SpawnGatherBench.completableFuture", List.of(), false);
        jmh("W1.kotlin", "io.jawait.bench.jmh.SpawnGatherBench.kotlin", List.of(), false);
        jmh("W1.eaAsync", "io.jawait.bench.jmh.SpawnGatherBench.eaAsync", eaAgent(), false);
        virtualThreads("W1", "io.jawait.bench.jmh.SpawnGatherBench.virtualThreads");

        jmh("W2.jawait", "io.jawait.bench.jawait.JawaitBench.pingPong", List.of(), false);
        jmh("W2.kotlin", "io.jawait.bench.jmh.PingPongBench.kotlin", List.of(), false);
        virtualThreads("W2", "io.jawait.bench.jmh.PingPongBench.virtualThreads");

        jmh("W3.jawait", "io.jawait.bench.jawait.JawaitBench.awaitDone", List.of(), true);
        jmh("W3.plainCall", "io.jawait.bench.jmh.FastPathBench.plainCall", List.of(), true);
        jmh("W3.kotlin", "io.jawait.bench.jmh.FastPathBench.kotlin", List.of(), true);
        jmh("W3.eaAsync", "io.jawait.bench.jmh.FastPathBench.eaAsync", eaAgent(), true);
    }

    private void virtualThreads(String workload, String benchmark) throws IOException {
        if (!VirtualThreads.available()) {
            String why = "virtual threads need JDK 21+; this run is on " + Runtime.version();
            skip(workload + ".virtualThreads", why);
            skip(workload + ".virtualThreads1", why);
            return;
        }
        jmh(workload + ".virtualThreads", benchmark, List.of(), false);
        jmh(workload + ".virtualThreads1", benchmark, List.of(VT_ONE_CARRIER), false);
    }

    private boolean wanted(String key) {
        return workloads.contains(key.substring(0, 2));
    }

    private void skip(String key, String why) {
        if (wanted(key)) {
            results.skip(key, why);
        }
    }

    private void jmh(String key, String benchmark, List<String> jvmArgs, boolean allocation) throws IOException {
        if (!wanted(key)) {
            return;
        }
        String benchmarkClass = benchmark.substring(0, benchmark.lastIndexOf('.'));
        try {
            Class.forName(benchmarkClass);
        } catch (ClassNotFoundException e) {
            results.skip(key, benchmarkClass + " was not built (the build had -DskipJawait)");
            return;
        }
        System.out.println(key + " (JMH " + benchmark + ")");
        Files.createDirectories(logs);
        List<String> flags = new ArrayList<>(HEAP);
        flags.addAll(jvmArgs);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark) + "$")
                .forks(1)
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.seconds(settings.iterationSeconds()))
                .measurementIterations(settings.measurementIterations())
                .measurementTime(TimeValue.seconds(settings.iterationSeconds()))
                .jvmArgsAppend(flags.toArray(new String[0]))
                .shouldFailOnError(true)
                .output(logs.resolve(key + ".log").toString());
        if (allocation) {
            options.addProfiler(GCProfiler.class);
        }
        // ea-async's agent prints a stack trace for every class newer than Java 13 that it sees;
        // what the fork prints outside JMH's own channel goes to a side log, not the console.
        java.io.PrintStream console = System.out;
        java.io.PrintStream consoleErr = System.err;
        try (java.io.PrintStream side = new java.io.PrintStream(logs.resolve(key + ".console.log").toFile())) {
            System.setOut(side);
            System.setErr(side);
            RunResult r;
            try {
                r = new Runner(options.build()).runSingle();
            } finally {
                System.setOut(console);
                System.setErr(consoleErr);
            }
            results.put(key, r.getPrimaryResult().getScore());
            double error = r.getPrimaryResult().getScoreError();
            if (!Double.isNaN(error)) {
                results.put(key + ".error", error);
            }
            for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
                if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                    results.put(key + ".alloc", e.getValue().getScore());
                }
            }
        } catch (Exception | Error e) {
            Path log = logs.resolve(key + ".log");
            String cause = Files.exists(log) ? ChildJvm.lastFailureLine(Files.readAllLines(log)) : String.valueOf(e);
            results.skip(key, "JMH failed: " + cause + " (log: " + log + ")");
        }
    }

    /** ea-async's java agent: its jar, found on the class path. */
    private static List<String> eaAgent() {
        String jar = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> p.contains("ea-async")).findFirst()
                .orElseThrow(() -> new IllegalStateException("ea-async jar not on the class path"));
        return List.of("-javaagent:" + jar);
    }

    // ------------------------------------------------------------------ W4-W7: runners

    private void runnerWorkloads(Path python) throws InterruptedException {
        boolean vt = VirtualThreads.available();
        String noVt = "virtual threads need JDK 21+; this run is on " + Runtime.version();
        for (String peer : List.of("jawait", "kotlin", "virtualThreads")) {
            if (peer.equals("virtualThreads") && !vt) {
                skip("W4." + peer, noVt);
                continue;
            }
            runner("W4." + peer, "io.jawait.bench.memory.MemoryRunner", MEMORY_FLAGS, List.of(peer), "bytesPerTask");
        }
        for (String peer : List.of("jawait", "kotlin", "completableFuture", "virtualThreads", "virtualThreads1")) {
            if (peer.startsWith("virtualThreads") && !vt) {
                skip("W5." + peer, noVt);
                continue;
            }
            List<String> flags = peer.equals("virtualThreads1") ? concat(HEAP, VT_ONE_CARRIER) : HEAP;
            String name = peer.equals("virtualThreads1") ? "virtualThreads" : peer;
            runner("W5." + peer, "io.jawait.bench.timers.TimerRunner", flags,
                    List.of(name, String.valueOf(settings.timerRuns())), "medianMillis");
        }
        for (String server : List.of("jawait", "netty", "vertx", "virtualThreads", "virtualThreads1")) {
            if (server.startsWith("virtualThreads") && !vt) {
                skip("W6." + server, noVt);
                continue;
            }
            List<String> flags = server.equals("virtualThreads1") ? concat(HEAP, VT_ONE_CARRIER) : HEAP;
            String name = server.equals("virtualThreads1") ? "virtualThreads" : server;
            runner("W6." + server, "io.jawait.bench.echo.EchoRunner", flags,
                    List.of(name, String.valueOf(settings.echoMessages())), "messagesPerSecond");
        }
        runner("W7.jawait", "io.jawait.bench.compile.CompileTimeRunner", concat(HEAP, JAVAC_EXPORTS),
                List.of(String.valueOf(settings.compileRuns())), null);
        pythonReference(python);
    }

    private void runner(String key, String mainClass, List<String> jvmArgs, List<String> args, String resultName)
            throws InterruptedException {
        if (!wanted(key)) {
            return;
        }
        System.out.println(key + " (" + mainClass + " " + String.join(" ", args) + ")");
        try {
            Map<String, Double> r = ChildJvm.runJava(mainClass, jvmArgs, args, logs.resolve(key + ".log"), 300);
            if (resultName != null) {
                results.put(key, r.get(resultName));
            } else {
                r.forEach((name, value) -> results.put(key + "." + name, value));
            }
        } catch (IOException e) {
            results.skip(key, e.getMessage());
        }
    }

    private void pythonReference(Path script) throws InterruptedException {
        if (!Files.isRegularFile(script)) {
            results.skip("python", "no script at " + script);
            return;
        }
        List<String> variants = new ArrayList<>(List.of("python"));
        try {
            ChildJvm.run(List.of("python3", "-c", "import uvloop; print('RESULT uvloop 1')"), logs.resolve("uvloop-check.log"), 30);
            variants.add("uvloop");
        } catch (IOException e) {
            for (String w : List.of("W1", "W2", "W5")) {
                skip(w + ".uvloop", "uvloop is not installed for python3");
            }
        }
        for (String variant : variants) {
            List<String> flag = variant.equals("uvloop") ? List.of("--uvloop") : List.of();
            for (String w : List.of("w1", "w2", "w5")) {
                String key = w.toUpperCase() + "." + variant;
                if (!wanted(key)) {
                    continue;
                }
                System.out.println(key + " (python3 " + script + " " + w + ")");
                try {
                    List<String> command = concat(List.of("python3", script.toString(), w), flag.toArray(new String[0]));
                    results.put(key, ChildJvm.run(command, logs.resolve(key + ".log"), 300).get("ms"));
                } catch (IOException e) {
                    results.skip(key, e.getMessage());
                }
            }
            String server = "python:" + script + (variant.equals("uvloop") ? ":uvloop" : "");
            if (variant.equals("python")) {
                runner("W6.python", "io.jawait.bench.echo.EchoRunner", HEAP,
                        List.of(server, String.valueOf(settings.echoMessages())), "messagesPerSecond");
            }
        }
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(Arrays.asList(b));
        return all;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return concat(a, b.toArray(new String[0]));
    }

    private static List<String> javacExports() {
        List<String> flags = new ArrayList<>();
        for (String pkg : List.of("api", "code", "comp", "file", "main", "parser", "processing", "tree", "util")) {
            flags.add("--add-exports=jdk.compiler/com.sun.tools.javac." + pkg + "=ALL-UNNAMED");
        }
        return flags;
    }
}
