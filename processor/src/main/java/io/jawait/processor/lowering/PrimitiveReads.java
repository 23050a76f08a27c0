package io.jawait.processor.lowering;

import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import java.util.Locale;

/**
 * Reads a target-typed value ({@code awaited()}, {@code next$(...)}) into a declared primitive
 * target through the runtime's {@code asInt}, {@code asLong}, ... conversions. A bare
 * target-typed read would infer the boxed target type and cast to it, so
 * {@code long n = await(intTask)} would fail with a ClassCastException where Java unboxes and
 * widens (found by the compiler fuzzer).
 */
final class PrimitiveReads {
    private PrimitiveReads() {
    }

    /**
     * @param declaredType the target's declared type tree (never that of a {@code var})
     * @param read a target-typed expression
     * @return {@code read}, converted when the declared type is primitive
     */
    static String into(Tree declaredType, String read) {
        if (declaredType instanceof PrimitiveTypeTree p) {
            String kind = p.getPrimitiveTypeKind().name().toLowerCase(Locale.ROOT);
            return "as" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + "(" + read + ")";
        }
        return read;
    }
}
