package io.jawait.processor.analysis.misuse;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;

/**
 * Decides, syntactically, which names in one compilation unit mean {@code io.jawait.Asyncio.await}
 * and {@code @io.jawait.annotation.Async} (and {@code io.jawait.Coroutine}, for methods of local
 * classes, which have no element to ask). Bodies are not attributed during annotation processing,
 * so names are resolved from the imports and the enclosing declarations the way JLS 6.4 and
 * 15.12.1 do: a method named {@code await} declared in an enclosing class shadows a static import.
 */
public final class AwaitNames {
    static final String ASYNCIO = "io.jawait.Asyncio";
    static final String ASYNC_ANNOTATION = "io.jawait.annotation.Async";
    static final String COROUTINE = "io.jawait.Coroutine";
    private static final String AWAIT = "await";

    private final boolean awaitStaticallyImported;
    private final boolean asyncioImported;
    private final boolean asyncAnnotationImported;
    private final boolean coroutineImported;

    private AwaitNames(boolean awaitStaticallyImported, boolean asyncioImported,
            boolean asyncAnnotationImported, boolean coroutineImported) {
        this.awaitStaticallyImported = awaitStaticallyImported;
        this.asyncioImported = asyncioImported;
        this.asyncAnnotationImported = asyncAnnotationImported;
        this.coroutineImported = coroutineImported;
    }

    /**
     * @param unit the compilation unit whose imports decide what simple names mean
     * @return the names visible in {@code unit}
     */
    public static AwaitNames of(CompilationUnitTree unit) {
        String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
        boolean awaitImported = false;
        boolean asyncio = pkg.equals("io.jawait");
        boolean coroutine = asyncio;
        boolean async = pkg.equals("io.jawait.annotation");
        for (ImportTree imp : unit.getImports()) {
            String name = imp.getQualifiedIdentifier().toString();
            if (imp.isStatic()) {
                awaitImported |= name.equals(ASYNCIO + "." + AWAIT) || name.equals(ASYNCIO + ".*");
            } else {
                asyncio |= name.equals(ASYNCIO) || name.equals("io.jawait.*");
                coroutine |= name.equals(COROUTINE) || name.equals("io.jawait.*");
                async |= name.equals(ASYNC_ANNOTATION) || name.equals("io.jawait.annotation.*");
            }
        }
        return new AwaitNames(awaitImported, asyncio, async, coroutine);
    }

    /**
     * @param call a method invocation
     * @param path the path to {@code call}, used to find enclosing classes that shadow the name
     * @return whether {@code call} is {@code Asyncio.await(...)}
     */
    public boolean isAwaitCall(MethodInvocationTree call, TreePath path) {
        ExpressionTree select = call.getMethodSelect();
        if (select instanceof IdentifierTree id) {
            return id.getName().contentEquals(AWAIT) && awaitStaticallyImported
                    && !shadowedByEnclosingClass(path);
        }
        return select instanceof MemberSelectTree member
                && member.getIdentifier().contentEquals(AWAIT)
                && namesAsyncio(member.getExpression());
    }

    /**
     * @param call a method invocation
     * @param path the path to {@code call}
     * @return whether {@code call} is a bare {@code await(...)} that calls a method named
     *     {@code await} of an enclosing class, which shadows {@code Asyncio.await}
     */
    public static boolean callsOwnAwait(MethodInvocationTree call, TreePath path) {
        return call.getMethodSelect() instanceof IdentifierTree id && id.getName().contentEquals(AWAIT)
                && shadowedByEnclosingClass(path);
    }

    /**
     * @param reference a method reference
     * @return whether it is {@code Asyncio::await}
     */
    public boolean isAwaitReference(MemberReferenceTree reference) {
        return reference.getMode() == MemberReferenceTree.ReferenceMode.INVOKE
                && reference.getName().contentEquals(AWAIT)
                && namesAsyncio(reference.getQualifierExpression());
    }

    /**
     * @param annotationType the type part of an annotation, as written
     * @return whether it names {@code io.jawait.annotation.Async}
     */
    public boolean isAsyncAnnotation(Tree annotationType) {
        if (annotationType instanceof IdentifierTree id) {
            return asyncAnnotationImported && id.getName().contentEquals("Async");
        }
        return annotationType.toString().equals(ASYNC_ANNOTATION);
    }

    /**
     * @param type a return type as written
     * @return whether it names {@code io.jawait.Coroutine}, with or without type arguments
     */
    public boolean isCoroutineType(Tree type) {
        Tree base = type instanceof ParameterizedTypeTree generic ? generic.getType() : type;
        if (base instanceof IdentifierTree id) {
            return coroutineImported && id.getName().contentEquals("Coroutine");
        }
        return base != null && base.toString().equals(COROUTINE);
    }

    private boolean namesAsyncio(ExpressionTree qualifier) {
        if (qualifier instanceof IdentifierTree id) {
            return asyncioImported && id.getName().contentEquals("Asyncio");
        }
        return qualifier.toString().equals(ASYNCIO);
    }

    /** A method named {@code await} in any enclosing class wins over the static import. */
    private static boolean shadowedByEnclosingClass(TreePath path) {
        for (TreePath p = path; p != null; p = p.getParentPath()) {
            if (p.getLeaf() instanceof ClassTree type) {
                for (Tree member : type.getMembers()) {
                    if (member instanceof MethodTree method && method.getName().contentEquals(AWAIT)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
