package io.jawait.bench;

/**
 * How long each measurement runs. {@link #FULL} fits the whole suite in under 15 minutes on two
 * cores; {@link #QUICK} only checks that everything runs.
 */
record Settings(String name, int warmupIterations, int measurementIterations, int iterationSeconds,
                int timerRuns, int echoMessages, int compileRuns) {
    static final Settings FULL = new Settings("full", 4, 5, 3, 5, Sizes.ECHO_MESSAGES, 3);
    static final Settings QUICK = new Settings("quick (smoke test: numbers not meaningful)", 1, 1, 1, 1,
            Sizes.ECHO_MESSAGES / 10, 1);

    String jmhFlags() {
        return "1 fork, " + warmupIterations + " warm-up + " + measurementIterations + " measured iterations of "
                + iterationSeconds + " s, mode avgt";
    }
}
