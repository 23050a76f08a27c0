package io.jawait.processor.model;

import com.palantir.javapoet.CodeBlock;

/**
 * One {@code case} of a machine's {@code switch (state)}.
 *
 * @param label the state's number
 * @param comment where it comes from in the user's source, e.g. {@code line 12: await(sleep(delay))}
 * @param code the statements of the case, with placeholders for user code
 * @param scoped whether the case declares locals and so needs its own block
 */
public record State(StateLabel label, String comment, CodeBlock code, boolean scoped) {
}
