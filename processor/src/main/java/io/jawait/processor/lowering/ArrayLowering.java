package io.jawait.processor.lowering;

import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Array creations with awaits in their dimensions or elements, for {@link ContinuationLowering}:
 * {@code new int[await(n)]}, {@code new int[] {a, await(b)}}, and bare initializers
 * ({@code int[][] m = {{await(a)}, {}}}), which are rebuilt with their type written.
 */
final class ArrayLowering {
    private final ContinuationLowering lowering;
    private final BodyLowering body;
    /** Element types of initializers written without {@code new T[]}. */
    private final Map<NewArrayTree, Tree> elementTypes = new IdentityHashMap<>();

    ArrayLowering(ContinuationLowering lowering, BodyLowering body) {
        this.lowering = lowering;
        this.body = body;
    }

    /** Records the element type of a bare initializer, from its variable's declared array type. */
    void declaredAs(NewArrayTree initializer, Tree elementType) {
        elementTypes.put(initializer, elementType);
    }

    /** {@code new T[d]...}, {@code new T[]{...}} or a bare {@code {...}}: dimensions, then elements, left to right. */
    void newArray(NewArrayTree n, Consumer<String> k) {
        // javac's element type: int of new int[] {...}, int[] of new int[][] {...}; a bare
        // initializer's comes from the declared type or the enclosing initializer's.
        Tree elementType = n.getType() != null ? n.getType() : elementTypes.get(n);
        if (elementType == null) {
            throw lowering.unsupported(BodyLowering.firstAwait(n), "an await in an array initializer without its type");
        }
        List<ExpressionTree> operands = new ArrayList<>(n.getDimensions());
        if (n.getInitializers() != null) {
            for (ExpressionTree element : n.getInitializers()) {
                if (element instanceof NewArrayTree inner && inner.getType() == null
                        && elementType instanceof ArrayTypeTree array) {
                    elementTypes.put(inner, array.getType());
                }
                operands.add(element);
            }
        }
        String type = body.placeholders.expr(elementType);
        lowering.operands(operands, values -> {
            StringBuilder text = new StringBuilder("new ").append(type);
            int dims = n.getDimensions().size();
            for (int i = 0; i < dims; i++) {
                text.append('[').append(values.get(i)).append(']');
            }
            if (n.getInitializers() != null) {
                text.append("[] {").append(String.join(", ", values.subList(dims, values.size()))).append('}');
            }
            k.accept(text.toString());
        });
    }
}
