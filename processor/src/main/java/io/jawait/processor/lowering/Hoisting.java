package io.jawait.processor.lowering;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import io.jawait.processor.analysis.LocalReferences;
import io.jawait.processor.model.StateLabel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Liveness across awaits, decided on the states: a local declared directly in lowered code stays a
 * Java local of its case when every use is in the case that declares it; a local used in any
 * other state (after an await, or around a loop with an await) becomes a field of the machine.
 */
final class Hoisting {
    private final LocalReferences references;
    private final Map<VariableTree, StateLabel> declaredIn = new LinkedHashMap<>();
    private final Set<VariableTree> hoisted = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<VariableTree, String> fieldNames = new IdentityHashMap<>();
    private final Set<VariableTree> primitive = Collections.newSetFromMap(new IdentityHashMap<>());

    Hoisting(LocalReferences references) {
        this.references = references;
    }

    /** {@code v} is declared by lowered code in state {@code s}. */
    void declare(VariableTree v, StateLabel s) {
        // Flattened blocks may declare the same name twice in one case: make both fields.
        declaredIn.forEach((other, where) -> {
            if (where == s && other.getName().contentEquals(v.getName())) {
                hoisted.add(other);
                hoisted.add(v);
            }
        });
        declaredIn.put(v, s);
        if (v.getName().contentEquals("state")) {
            hoisted.add(v);   // a local named state would hide the machine's own state field
        }
    }

    /**
     * Native code in state {@code s} declares locals named {@code names}: a local of the case
     * with such a name would clash with them (Java forbids shadowing a local), so it becomes a field.
     */
    void nestedDeclarations(Set<String> names, StateLabel s) {
        declaredIn.forEach((v, where) -> {
            if (where == s && names.contains(v.getName().toString())) {
                hoisted.add(v);
            }
        });
    }

    /** @return the names of the locals declared inside {@code tree}, class bodies excluded */
    static Set<String> declaredInside(Tree tree) {
        Set<String> names = new HashSet<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree node, Void unused) {
                names.add(node.getName().toString());
                return super.visitVariable(node, unused);
            }

            @Override
            public Void visitClass(com.sun.source.tree.ClassTree node, Void unused) {
                return null;
            }
        }.scan(tree, null);
        return names;
    }

    /** {@code v} must be a field whatever its uses. */
    void force(VariableTree v) {
        hoisted.add(v);
    }

    /** Records that code in state {@code s} uses {@code v}. */
    void use(VariableTree v, StateLabel s) {
        StateLabel home = declaredIn.get(v);
        if (home != null && home != s) {
            hoisted.add(v);
        }
    }

    /** Records every local that {@code tree} refers to as used in state {@code s}. */
    void useAll(Tree tree, StateLabel s) {
        if (tree == null) {
            return;
        }
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                VariableTree v = references.target(node);
                if (v != null) {
                    use(v, s);
                }
                return null;
            }
        }.scan(tree, null);
    }

    /** Records that the field of {@code v} has a primitive type (nothing to release). */
    void markPrimitive(VariableTree v) {
        primitive.add(v);
    }

    /** @return whether the field of {@code v} holds a reference (after field types are known) */
    boolean holdsReference(VariableTree v) {
        return !primitive.contains(v);
    }

    boolean isHoisted(VariableTree v) {
        return hoisted.contains(v);
    }

    /** @return whether {@code v} is declared directly in lowered code (so it may be hoisted) */
    boolean isSplitLevel(VariableTree v) {
        return declaredIn.containsKey(v);
    }

    /**
     * Names the fields: the user's name, with {@code $2}, {@code $3}... when taken. A name that a
     * local staying a local also has counts as taken: {@code step()} keeps fields in locals of the
     * same name while it runs (javac/StepLocals), and Java forbids a local inside another of the
     * same name.
     *
     * @param taken names already used by the machine (parameters, temporaries)
     * @param body the method's body
     * @return the hoisted locals in declaration order
     */
    List<VariableTree> nameFields(Set<String> taken, Tree body) {
        Set<String> used = new HashSet<>(taken);
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree node, Void unused) {
                if (!hoisted.contains(node)) {
                    used.add(node.getName().toString());
                }
                return super.visitVariable(node, unused);
            }

            @Override
            public Void visitClass(com.sun.source.tree.ClassTree node, Void unused) {
                return null; // a class's members may share a local's name
            }
        }.scan(body, null);
        List<VariableTree> result = new ArrayList<>();
        for (VariableTree v : declaredIn.keySet()) {
            if (!hoisted.contains(v)) {
                continue;
            }
            String base = v.getName().toString();
            String name = base;
            for (int i = 2; !used.add(name); i++) {
                name = base + "$" + i;
            }
            fieldNames.put(v, name);
            result.add(v);
        }
        return result;
    }

    /** @return the field of a hoisted local (after {@link #nameFields}) */
    String fieldName(VariableTree v) {
        return fieldNames.get(v);
    }
}
