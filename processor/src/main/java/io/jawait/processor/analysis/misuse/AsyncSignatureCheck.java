package io.jawait.processor.analysis.misuse;

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
 * Checks what an {@code @Async} method declares, from its element (signatures are attributed
 * before processing, bodies are not): it returns {@code io.jawait.Coroutine<T>}, it has a body,
 * and it is not {@code synchronized}. Errors go to the method declaration (API.md section 7).
 */
final class AsyncSignatureCheck {
    private final Reporter reporter;

    AsyncSignatureCheck(Reporter reporter) {
        this.reporter = reporter;
    }

    /**
     * @param method an {@code @Async} method (kind METHOD)
     * @return whether the signature allows compiling the body
     */
    boolean check(ExecutableElement method) {
        boolean ok = checkReturnType(method);
        Set<Modifier> modifiers = method.getModifiers();
        if (modifiers.contains(Modifier.ABSTRACT) || modifiers.contains(Modifier.NATIVE)) {
            reporter.error(DiagnosticId.ASYNC_WITHOUT_BODY, method,
                    "@Async method " + method.getSimpleName() + " has no body to compile: it is "
                            + (modifiers.contains(Modifier.NATIVE) ? "native" : "abstract")
                            + "; put @Async on the implementing method instead");
            ok = false;
        }
        if (modifiers.contains(Modifier.SYNCHRONIZED)) {
            reporter.error(DiagnosticId.AWAIT_IN_SYNCHRONIZED, method,
                    "@Async method " + method.getSimpleName() + " must not be synchronized: its"
                            + " body runs later on the event loop, not under the monitor; use"
                            + " io.jawait.sync.Lock");
            ok = false;
        }
        return ok;
    }

    private boolean checkReturnType(ExecutableElement method) {
        TypeMirror type = method.getReturnType();
        if (type.getKind() == TypeKind.ERROR) {
            return false; // javac reports the unresolved type itself; a second error is noise
        }
        if (type instanceof DeclaredType declared && isCoroutine(declared.asElement())) {
            return true;
        }
        reporter.error(DiagnosticId.ASYNC_RETURN_TYPE, method,
                "@Async method " + method.getSimpleName() + " must return io.jawait.Coroutine<T>,"
                        + " not " + type + "; return Coroutine.of(value) or Coroutine.done()");
        return false;
    }

    private static boolean isCoroutine(Element element) {
        return element instanceof TypeElement type
                && type.getQualifiedName().contentEquals(AwaitNames.COROUTINE);
    }
}
