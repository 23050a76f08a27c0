package io.jawait.processor.javac;

import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.DeferredCompletionFailureHandler;
import com.sun.tools.javac.comp.Annotate;
import com.sun.tools.javac.comp.Attr;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.comp.MemberEnter;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.TreeCopier;
import com.sun.tools.javac.tree.TreeMaker;
import com.sun.tools.javac.tree.TreeScanner;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import java.io.IOException;
import java.util.function.Predicate;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Asks javac whether the body of a method, as written, has a type error: attributes a copy of it
 * the way javac will attribute the original (the twin) after processing, and keeps what javac
 * says about the copy to itself.
 *
 * <p>The machine repeats the user's expressions in other shapes (an argument inside a
 * continuation, a for-each through an overloaded helper, a switch with the same labels), so a
 * user's error would come back from the machine, worded for generated code or at another
 * position. A method javac finds an error in is therefore left as written: javac reports the
 * error in the twin, once, at the user's line and column, and the compilation fails.
 *
 * <p>Like {@code Trees.getScope}, the copy is attributed with its diagnostics and completion
 * failures kept apart and its local classes removed again afterwards. Its positions are moved
 * past the end of the file: javac caches the speculative types of method arguments by file and
 * position, and what it found for the copy (a local class of the copy, a type not generated yet)
 * must never be taken for the original.
 */
public final class TwinErrors {
    private final Attr attr;
    private final Enter enter;
    private final MemberEnter memberEnter;
    private final Annotate annotate;
    private final DeferredCompletionFailureHandler completionFailures;
    private final Log log;
    private final TreeMaker make;
    /** Copies attributed so far, each in its own range of positions. */
    private long attributions;

    /** @param javacEnv javac's own processing environment (unwrapped) */
    public TwinErrors(ProcessingEnvironment javacEnv) {
        Context context = ((JavacProcessingEnvironment) javacEnv).getContext();
        this.attr = Attr.instance(context);
        this.enter = Enter.instance(context);
        this.memberEnter = MemberEnter.instance(context);
        this.annotate = Annotate.instance(context);
        this.completionFailures = DeferredCompletionFailureHandler.instance(context);
        this.log = Log.instance(context);
        this.make = TreeMaker.instance(context);
    }

    /**
     * @param methodPath a method of a member class, with a body
     * @return whether javac reports an error when it attributes the body as written; {@code false}
     *     also when that cannot be asked, and the method is compiled as before
     */
    public boolean found(TreePath methodPath) {
        return check(methodPath) == Verdict.ERROR;
    }

    /**
     * @param methodPath a method of a member class, with a body
     * @return whether javac surely reports no error when it attributes the body as written
     */
    public boolean absent(TreePath methodPath) {
        return check(methodPath) == Verdict.NONE;
    }

    private enum Verdict {
        ERROR,
        NONE,
        /** Not asked: a method of a local class, javac failing on the copy, a file too long. */
        UNKNOWN
    }

    private Verdict check(TreePath methodPath) {
        JCMethodDecl method = (JCMethodDecl) methodPath.getLeaf();
        JCCompilationUnit unit = (JCCompilationUnit) methodPath.getCompilationUnit();
        if (method.sym == null || method.body == null
                || !(methodPath.getParentPath().getLeaf() instanceof JCClassDecl owner) || owner.sym == null) {
            return Verdict.UNKNOWN;
        }
        Env<AttrContext> classEnv = enter.getClassEnv(owner.sym);
        if (classEnv == null || annotate.annotationsBlocked()) {
            // (not blocked, javac attributes the copy's annotations right away, into the handler)
            return Verdict.UNKNOWN;
        }
        JCBlock body = method.body;
        JCBlock copy = new TreeCopier<Void>(make.forToplevel(unit)).copy(body);
        if (!shiftPastTheFile(copy, unit)) {
            return Verdict.UNKNOWN;
        }
        boolean[] error = {false};
        Log.DiagnosticHandler handler = keepAll(d -> {
            error[0] |= d.getKind() == Diagnostic.Kind.ERROR;
            return true;
        });
        if (handler == null) {
            return Verdict.UNKNOWN;
        }
        DeferredCompletionFailureHandler.Handler failures =
                completionFailures.setHandler(completionFailures.speculativeCodeHandler);
        JavaFileObject source = log.useSource(unit.getSourceFile());
        try {
            method.body = copy;   // as Trees.getScope does: javac may look at the method's body
            attr.attribStat(copy, memberEnter.getMethodEnv(method, classEnv));
            annotate.flush();
            return error[0] ? Verdict.ERROR : Verdict.NONE;
        } catch (RuntimeException | AssertionError javacFailed) {
            return Verdict.UNKNOWN;
        } finally {
            method.body = body;
            log.useSource(source);
            completionFailures.setHandler(failures);
            enter.unenter(unit, copy);
            log.popDiagnosticHandler(handler);
        }
    }

    /**
     * Installs a handler that keeps every diagnostic the filter accepts from the log. Its
     * constructor differs between JDK versions (an inner class taking a "pass on non-deferrable"
     * flag in newer JDKs, a static nested one in JDK 17); both take the log first.
     *
     * @return the installed handler, or {@code null} when neither form exists
     */
    private Log.DiagnosticHandler keepAll(Predicate<JCDiagnostic> filter) {
        Class<Log.DeferredDiagnosticHandler> type = Log.DeferredDiagnosticHandler.class;
        try {
            return type.getConstructor(Log.class, Predicate.class, boolean.class).newInstance(log, filter, false);
        } catch (NoSuchMethodException jdk17) {
            try {
                return type.getConstructor(Log.class, Predicate.class).newInstance(log, filter);
            } catch (ReflectiveOperationException | RuntimeException neither) {
                return null;
            }
        } catch (ReflectiveOperationException | RuntimeException failed) {
            return null;
        }
    }

    /**
     * Moves every position of the copy past the end of its file, into a range no earlier copy
     * used (a later round may see types an earlier one did not).
     *
     * @return {@code false} when positions would overflow
     */
    private boolean shiftPastTheFile(JCBlock copy, JCCompilationUnit unit) {
        long length;
        try {
            length = unit.getSourceFile().getCharContent(true).length() + 1L;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
        long offset = length * ++attributions;
        if (offset + length > Integer.MAX_VALUE) {
            return false;
        }
        new TreeScanner() {
            @Override
            public void scan(JCTree t) {
                if (t != null) {
                    if (t.pos >= 0) {
                        t.pos += (int) offset;
                    }
                    super.scan(t);
                }
            }
        }.scan(copy);
        return true;
    }
}
