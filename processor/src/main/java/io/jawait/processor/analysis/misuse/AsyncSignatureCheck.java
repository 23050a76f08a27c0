package io.jawait.processor.analysis.misuse;

import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import io.jawait.processor.diagnostics.DiagnosticId;
import io.jawait.processor.diagnostics.Reporter;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks what an {@code @Async} method declares: it returns {@code io.jawait.Coroutine<T>}, it
 * has a body, and it is not {@code synchronized}. Errors go to the method declaration (API.md
 * section 7). Member methods are checked through their elements (signatures are attributed
 * before processing); methods of local and anonymous classes through their trees.
 */
final class AsyncSignatureCheck {
    private final Reporter reporter;

    AsyncSignatureCheck(Reporter reporter) {
        this.reporter = reporter;
    }

    /**
     * @param method an {@code @Async} member method (kind METHOD)
     * @return whether the signature allows compiling the body
     */
    boolean check(ExecutableElement method) {
        String name = method.getSimpleName().toString();
        boolean ok = true;
        TypeMirror type = method.getReturnType();
        // An unresolved type is reported by javac itself; a second error would be noise.
        if (type.getKind() == TypeKind.ERROR) {
            ok = false;
        } else if (!(type instanceof DeclaredType declared && isCoroutine(declared.asElement()))) {
            reporter.error(DiagnosticId.ASYNC_RETURN_TYPE, method, returnTypeMessage(name, type));
            ok = false;
        }
        Set<Modifier> modifiers = method.getModifiers();
        if (modifiers.contains(Modifier.ABSTRACT) || modifiers.contains(Modifier.NATIVE)) {
            reporter.error(DiagnosticId.ASYNC_WITHOUT_BODY, method, withoutBodyMessage(name,
                    modifiers.contains(Modifier.NATIVE) ? "native" : "abstract"));
            ok = false;
        }
        if (modifiers.contains(Modifier.SYNCHRONIZED)) {
            reporter.error(DiagnosticId.AWAIT_IN_SYNCHRONIZED, method, synchronizedMessage(name));
            ok = false;
        }
        return ok;
    }

    /**
     * @param methodPath an {@code @Async} method of a local or anonymous class
     * @param names what names mean in its compilation unit
     * @return whether the signature allows compiling the body
     */
    boolean checkLocal(TreePath methodPath, AwaitNames names) {
        MethodTree method = (MethodTree) methodPath.getLeaf();
        String name = method.getName().toString();
        Set<Modifier> modifiers = method.getModifiers().getFlags();
        boolean ok = true;
        if (method.getReturnType() == null || !names.isCoroutineType(method.getReturnType())) {
            error(DiagnosticId.ASYNC_RETURN_TYPE, methodPath,
                    returnTypeMessage(name, method.getReturnType()));
            ok = false;
        }
        if (method.getBody() == null) {
            error(DiagnosticId.ASYNC_WITHOUT_BODY, methodPath, withoutBodyMessage(name,
                    modifiers.contains(Modifier.NATIVE) ? "native" : "abstract"));
            ok = false;
        }
        if (modifiers.contains(Modifier.SYNCHRONIZED)) {
            error(DiagnosticId.AWAIT_IN_SYNCHRONIZED, methodPath, synchronizedMessage(name));
            ok = false;
        }
        return ok;
    }

    private void error(DiagnosticId id, TreePath path, String message) {
        reporter.error(id, path, message);
    }

    private static boolean isCoroutine(Element element) {
        return element instanceof TypeElement type
                && type.getQualifiedName().contentEquals(AwaitNames.COROUTINE);
    }

    private static String returnTypeMessage(String method, Object actual) {
        return "@Async method " + method + " must return io.jawait.Coroutine<T>, not " + actual
                + "; return Coroutine.of(value) or Coroutine.done() from its body";
    }

    private static String withoutBodyMessage(String method, String kind) {
        return "@Async method " + method + " has no body to compile: it is " + kind
                + "; put @Async on the implementing method instead";
    }

    private static String synchronizedMessage(String method) {
        return "@Async method " + method + " must not be synchronized: its body runs later on"
                + " the event loop, not under the monitor; use io.jawait.sync.Lock";
    }
}
