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
 * failures kept apart and its local classes removed again afterwards. Bodies that
 * declare classes are not checked: javac caches the types of method arguments by source position,
 * and a local class of the copy would leak into the original's attribution through that cache.
 */
public final class TwinErrors {
    private final Attr attr;
    private final Enter enter;
    private final MemberEnter memberEnter;
    private final Annotate annotate;
    private final DeferredCompletionFailureHandler completionFailures;
    private final Log log;
    private final TreeMaker make;

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
        /** Not asked: a method of a local class, a body declaring classes, javac failing on the copy. */
        UNKNOWN
    }

    private Verdict check(TreePath methodPath) {
        JCMethodDecl method = (JCMethodDecl) methodPath.getLeaf();
        JCCompilationUnit unit = (JCCompilationUnit) methodPath.getCompilationUnit();
        if (method.sym == null || method.body == null || declaresClasses(method.body)
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

    private static boolean declaresClasses(JCBlock body) {
        boolean[] found = {false};
        new TreeScanner() {
            @Override
            public void visitClassDef(JCClassDecl tree) {
                found[0] = true;
            }
        }.scan(body);
        return found[0];
    }
}
