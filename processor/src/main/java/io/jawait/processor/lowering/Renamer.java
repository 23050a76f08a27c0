package io.jawait.processor.lowering;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import io.jawait.processor.analysis.LocalReferences;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

/**
 * Registers the renames applied while user code is copied into the machine: hoisted locals whose
 * field got a suffix, {@code this} and {@code super.x} (which must still mean the method's object,
 * not the machine), and unqualified outer members whose name is also a member of the machine
 * ({@code state}, {@code complete}, {@code toString}, a parameter's field...), which would
 * otherwise bind to the machine's member.
 */
final class Renamer {
    /** Methods a machine has (inherited from Coroutine and Object) that user code may call unqualified. */
    static final Set<String> MACHINE_METHODS = Set.of("step", "awaits", "awaited", "awaitsThen",
            "resumeContinuation", "yields", "complete", "of", "done", "failed", "asInt", "asLong", "asFloat",
            "asDouble", "asShort", "asByte", "asChar", "asBoolean", "toString", "hashCode",
            "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

    private final Placeholders placeholders;
    private final LocalReferences references;
    private final Hoisting hoisting;
    private final Map<VariableTree, String> renamedParameters;
    private final Set<String> machineFields;
    private final String outerQualifier;
    private final Set<String> selfMethods;

    /**
     * @param renamedParameters parameters whose machine field has another name (one named {@code state})
     * @param machineFields names of all fields of the machine (inherited {@code state} included)
     * @param outerQualifier {@code Outer.this} for an instance method, {@code Outer} for a static one,
     *     {@code self} for an interface's default method, {@code null} for an anonymous class's method
     * @param selfMethods instance methods to call through {@code self} (a default method's interface)
     */
    Renamer(Placeholders placeholders, LocalReferences references, Hoisting hoisting,
            Map<VariableTree, String> renamedParameters, Set<String> machineFields, String outerQualifier,
            Set<String> selfMethods) {
        this.placeholders = placeholders;
        this.references = references;
        this.hoisting = hoisting;
        this.renamedParameters = renamedParameters;
        this.machineFields = machineFields;
        this.outerQualifier = outerQualifier;
        this.selfMethods = selfMethods;
    }

    /** Scans every user tree placed in the machine and registers its renames. */
    void registerAll() {
        for (Tree original : new ArrayList<>(placeholders.originals())) {
            new TreeScanner<Void, Void>() {
                @Override
                public Void visitIdentifier(IdentifierTree id, Void unused) {
                    rename(id);
                    return null;
                }

                @Override
                public Void visitMemberSelect(MemberSelectTree select, Void unused) {
                    if (references.isOuterThis(select) && !placeholders.isReplaced(select)) {
                        if (outerQualifier == null || !outerQualifier.endsWith(".this")) {
                            throw new UnsupportedConstructException(select, "super in this method is not supported yet");
                        }
                        placeholders.replace(select, outerQualifier.replace(".this", "") + ".super."
                                + select.getIdentifier());
                        return null;
                    }
                    return super.visitMemberSelect(select, unused);
                }
            }.scan(original, null);
        }
    }

    private void rename(IdentifierTree id) {
        if (placeholders.isReplaced(id)) {
            return;
        }
        String name = id.getName().toString();
        VariableTree target = references.target(id);
        if (target != null) {
            if (renamedParameters.containsKey(target)) {
                placeholders.replace(id, renamedParameters.get(target));
            } else if (hoisting.isHoisted(target) && !hoisting.fieldName(target).equals(name)) {
                placeholders.replace(id, hoisting.fieldName(target));
            }
        } else if (references.isOuterThis(id)) {
            placeholders.replace(id, qualifier(id));
        } else if ((references.isFreeName(id) && machineFields.contains(name))
                || (references.isFreeMethodName(id) && (MACHINE_METHODS.contains(name) || selfMethods.contains(name)))) {
            placeholders.replace(id, qualifier(id) + "." + name);
        }
    }

    /** @return how the machine names the method's object; an anonymous class's has no name */
    private String qualifier(IdentifierTree at) {
        if (outerQualifier == null) {
            throw new UnsupportedConstructException(at, "'" + at.getName() + "' here would need the anonymous"
                    + " class's this, which its machine cannot name; is not supported yet (use a local class)");
        }
        return outerQualifier;
    }
}
