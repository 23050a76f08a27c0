package io.jawait.processor.analysis;

import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Scope;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Enhanced for loops and try-with-resources that certainly never suspend, so that they stay
 * native Java: a loop over an array or over a variable whose type is not an {@code AsyncIterable},
 * a try whose resources are not {@code AsyncCloseable}. Which helper the lowering would call is
 * chosen by the static type too, so the native statement behaves identically. Anything not known
 * for sure (a method call's result, an unresolved type) is lowered as before.
 */
public final class SynchronousConstructs {
    private final Trees trees;
    private final Types types;
    private final LocalTypes localTypes;
    private final LocalReferences references;
    private final TreePath methodPath;
    private final TypeMirror asyncIterable;
    private final TypeMirror asyncCloseable;

    /**
     * @param trees the tree API
     * @param elements the element utilities
     * @param types the type utilities
     * @param references the method's local references
     * @param methodPath the method's path
     */
    public SynchronousConstructs(Trees trees, Elements elements, Types types, LocalReferences references,
            TreePath methodPath) {
        this.trees = trees;
        this.types = types;
        this.localTypes = new LocalTypes(trees);
        this.references = references;
        this.methodPath = methodPath;
        this.asyncIterable = erasureOf(elements.getTypeElement("io.jawait.AsyncIterable"));
        this.asyncCloseable = erasureOf(elements.getTypeElement("io.jawait.AsyncCloseable"));
    }

    private TypeMirror erasureOf(TypeElement type) {
        return type == null ? null : types.erasure(type.asType());
    }

    /** @return whether {@code tree}, an enhanced for or a try, certainly does not suspend by itself */
    public boolean isSynchronous(Tree tree) {
        if (asyncIterable == null || asyncCloseable == null) {
            return false;
        }
        if (tree instanceof EnhancedForLoopTree loop) {
            ExpressionTree items = strip(loop.getExpression());
            if (items instanceof NewArrayTree) {
                return true;
            }
            TypeMirror type = typeOfName(items);
            return type != null && (type.getKind() == TypeKind.ARRAY || isPlain(type, asyncIterable));
        }
        if (tree instanceof TryTree t) {
            for (Tree resource : t.getResources()) {
                TypeMirror type = resource instanceof VariableTree v ? resourceType(v, t) : typeOfName((ExpressionTree) resource);
                if (type == null || !isPlain(type, asyncCloseable)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** @return whether {@code type} is a resolved class type, not a subtype of {@code async} */
    private boolean isPlain(TypeMirror type, TypeMirror async) {
        return (type.getKind() == TypeKind.DECLARED || type.getKind() == TypeKind.TYPEVAR)
                && !types.isSubtype(types.erasure(type), async);
    }

    private TypeMirror resourceType(VariableTree resource, TryTree t) {
        TreePath inBlock = TreePath.getPath(methodPath.getCompilationUnit(), t.getBlock());
        return inBlock == null ? null : localTypes.typeOf(resource, inBlock);
    }

    /** @return the type of a variable named by {@code e} ({@code x} or {@code this.x}), or {@code null} */
    private TypeMirror typeOfName(ExpressionTree e) {
        TreePath path = TreePath.getPath(methodPath.getCompilationUnit(), e);
        if (path == null) {
            return null;
        }
        if (e instanceof IdentifierTree id) {
            VariableTree local = references.target(id);
            return local != null ? localTypes.typeOf(local, path) : fieldType(id.getName().toString(), path);
        }
        if (e instanceof MemberSelectTree m && m.getExpression() instanceof IdentifierTree self
                && self.getName().contentEquals("this")) {
            return fieldType(m.getIdentifier().toString(), path);
        }
        return null;
    }

    private TypeMirror fieldType(String name, TreePath path) {
        Scope scope;
        try {
            scope = trees.getScope(path);
        } catch (RuntimeException javacFailed) {
            return null;   // unknown: the construct is lowered
        }
        for (TypeElement type = scope.getEnclosingClass(); type != null; type = enclosingClass(type)) {
            for (Element member : type.getEnclosedElements()) {
                if (member.getKind() == ElementKind.FIELD && member.getSimpleName().contentEquals(name)) {
                    return member.asType();
                }
            }
        }
        return null;
    }

    private static TypeElement enclosingClass(TypeElement type) {
        Element outer = type.getEnclosingElement();
        return outer instanceof TypeElement t ? t : null;
    }

    private static ExpressionTree strip(ExpressionTree e) {
        while (e instanceof ParenthesizedTree p) {
            e = p.getExpression();
        }
        return e;
    }
}
