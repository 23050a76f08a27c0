package io.jawait.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one runner main class (W4-W7) or a python3 script in a fresh process, its output kept in a
 * log file, and reads back the {@code RESULT <name> <value>} lines it prints.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /** @return the java launcher of the running JVM, so that children run on the same JDK */
    static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Map<String, Double> runJava(String mainClass, List<String> jvmArgs, List<String> args, Path log, int timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaLauncher());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return run(command, log, timeoutSeconds);
    }

    static Map<String, Double> run(List<String> command, Path log, int timeoutSeconds)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IOException("timed out after " + timeoutSeconds + " s (log: " + log + ")");
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Map<String, Double> results = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 3 && parts[0].equals("RESULT")) {
                results.put(parts[1], Double.parseDouble(parts[2]));
            }
        }
        if (p.exitValue() != 0 || results.isEmpty()) {
            String cause = lastFailureLine(lines);
            throw new IOException(cause + " (exit " + p.exitValue() + ", log: " + log + ")");
        }
        return results;
    }

    /** The last exception line of a log is the root cause (ClassNotFoundException: jawait not built, ...). */
    static String lastFailureLine(List<String> lines) {
        return lines.stream().filter(l -> l.matches(".*(Exception|Error)\\b.*") && !l.trim().startsWith("at "))
                .reduce((first, second) -> second)
                .orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1)).trim();
    }
}
