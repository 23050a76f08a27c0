package io.jawait.processor.analysis;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Finds types the machine's own declarations would repeat (parameters, result, type variable
 * bounds, explicitly typed hoisted locals) that javac has not resolved. Such a method is not
 * spliced: a machine field of an unknown type fails while javac enters the class, before it
 * checks any body, so the user would see the machine's name and none of their other errors.
 * Left as written, the method gets javac's own error at the user's declaration.
 */
public final class UnresolvedTypes {
    private final Trees trees;
    private final LocalTypes localTypes;

    /** @param trees the tree API */
    public UnresolvedTypes(Trees trees) {
        this.trees = trees;
        this.localTypes = new LocalTypes(trees);
    }

    /**
     * @param method an {@code @Async} method
     * @return whether its result, a parameter or a type variable bound mentions an unresolved type
     */
    public boolean inSignature(ExecutableElement method) {
        if (unresolved(method.getReturnType())) {
            return true;
        }
        for (VariableElement p : method.getParameters()) {
            if (unresolved(p.asType())) {
                return true;
            }
        }
        for (TypeParameterElement t : method.getTypeParameters()) {
            for (TypeMirror bound : t.getBounds()) {
                if (unresolved(bound)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * @param methodPath the path of the method's declaration
     * @param machineTrees the user trees the machine repeats; the explicit type of a hoisted local
     *     is one of them
     * @return whether the explicit type of such a local does not resolve
     */
    public boolean inHoistedLocals(TreePath methodPath, Collection<Tree> machineTrees) {
        MethodTree method = (MethodTree) methodPath.getLeaf();
        CompilationUnitTree unit = methodPath.getCompilationUnit();
        Map<Tree, VariableTree> byType = new IdentityHashMap<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree v, Void unused) {
                if (v.getType() != null && v.getType().getKind() != Tree.Kind.PRIMITIVE_TYPE) {
                    byType.put(v.getType(), v);
                }
                return super.visitVariable(v, unused);
            }
        }.scan(method.getBody(), null);
        LocalReferences references = null;
        Map<Tree, Map<String, TypeMirror>> blockLocals = new IdentityHashMap<>();
        for (Tree t : machineTrees) {
            VariableTree v = byType.get(t);
            if (v == null) {
                continue;
            }
            TreePath declaration = TreePath.getPath(unit, v);
            TypeMirror type;
            if (declaration.getParentPath().getLeaf() instanceof BlockTree block) {
                // One scope query per block (each attributes the body up to its path): at the
                // block's last statement every local declared in the block is in scope.
                TreePath end = new TreePath(declaration.getParentPath(),
                        block.getStatements().get(block.getStatements().size() - 1));
                type = blockLocals.computeIfAbsent(block, b -> localTypes.localsAt(end)).get(v.getName().toString());
            } else {
                // A catch parameter, resource, loop variable or pattern binding: a reference sees it
                // in scope (a binding is not in scope at its own declaration).
                references = references != null ? references : LocalReferences.of(methodPath);
                TreePath reference = references.firstReference(v);
                type = localTypes.typeOf(v, reference != null ? reference : declaration);
            }
            if (type != null && unresolved(type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unresolved(TypeMirror type) {
        return LocalTypes.denotability(type) == LocalTypes.Denotability.UNRESOLVED;
    }
}
