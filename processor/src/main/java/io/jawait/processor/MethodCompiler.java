package io.jawait.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.jawait.processor.analysis.AwaitCalls;
import io.jawait.processor.analysis.Jumps;
import io.jawait.processor.analysis.NestedAsyncMethods;
import io.jawait.processor.analysis.ThisReferences;
import io.jawait.processor.analysis.UnresolvedTypes;
import io.jawait.processor.analysis.misuse.AwaitNames;
import io.jawait.processor.diagnostics.DiagnosticId;
import io.jawait.processor.diagnostics.Reporter;
import io.jawait.processor.javac.MachineSplicer;
import io.jawait.processor.javac.TwinErrors;
import io.jawait.processor.lowering.LocalTypeException;
import io.jawait.processor.lowering.MethodLowering;
import io.jawait.processor.lowering.UnsupportedConstructException;
import io.jawait.processor.model.MachineSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Compiles one {@code @Async} method: lowering, then splicing. Every failure is reported at the
 * method (or the offending tree) and stays there: nothing escapes into javac.
 */
final class MethodCompiler {
    private final ProcessingEnvironment env;
    private final Trees trees;
    private final Reporter reporter;
    private final MachineSplicer splicer;
    private final MethodLowering lowering;
    private final UnresolvedTypes unresolved;
    private final TwinErrors twinErrors;
    private final boolean dump;
    /** Local-class methods already spliced (a later round must not splice them again). */
    private final Set<Tree> spliced = Collections.newSetFromMap(new IdentityHashMap<>());

    MethodCompiler(ProcessingEnvironment env, Trees trees, Reporter reporter, MachineSplicer splicer, boolean dump) {
        this.env = env;
        this.trees = trees;
        this.reporter = reporter;
        this.splicer = splicer;
        this.lowering = new MethodLowering(trees, env.getElementUtils(), env.getTypeUtils());
        this.unresolved = new UnresolvedTypes(trees);
        this.twinErrors = new TwinErrors(env);
        this.dump = dump;
    }

    /**
     * @param method a validated {@code @Async} method
     * @return {@code false} when the method must be retried next round (a type not resolved yet,
     *     or any other error javac finds in the body; if it stays, the method stays as written and
     *     javac reports the user's error)
     */
    boolean compile(ExecutableElement method) {
        TreePath path = trees.getPath(method);
        CompilationUnitTree unit = path == null ? null : path.getCompilationUnit();
        MethodTree tree = path == null ? null : (MethodTree) path.getLeaf();
        try {
            if (tree == null || tree.getBody() == null) {
                return true;   // no source or no body: nothing to compile (the misuse checker reports the latter)
            }
            boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
            if (leftAsWritten(tree, unit, isStatic)) {
                return true;
            }
            if (unresolved.inSignature(method) || twinErrors.found(path)) {
                // javac reports the error in the twin, once, at the user's position (the machine
                // would repeat it in its own shape); retried next round, where a type generated
                // meanwhile may resolve it
                return false;
            }
            String name = machineName(path);
            MachineSource source = lowering.lower(method, name);
            if (unresolved.inHoistedLocals(path, source.originals())) {
                return false;
            }
            String text = splicer.splice(method, source);
            if (dump) {
                Element owner = method.getEnclosingElement();
                writeDump(env.getElementUtils().getPackageOf(owner).getQualifiedName().toString(),
                        owner.getSimpleName() + "." + name + ".txt", owner + "." + method, text, owner);
            }
        } catch (UnsupportedConstructException e) {
            reporter.error(DiagnosticId.UNSUPPORTED_CONSTRUCT, e.tree(), unit, e.getMessage());
        } catch (LocalTypeException e) {
            if (e.isUnresolved()) {
                return false;
            }
            reporter.error(DiagnosticId.NON_DENOTABLE_LOCAL, e.variable(), unit, e.getMessage());
        } catch (Throwable e) {
            reporter.error(DiagnosticId.INTERNAL_ERROR, method, internalError(e));
        }
        return true;
    }

    /**
     * For a method still deferred when processing ends: it stays as written, which is right only
     * while javac reports an error in it. When javac finds none any more (an annotation processor
     * that runs after this one changed the class, as Lombok does), reports it: it must never run
     * uncompiled.
     */
    void finishDeferred(ExecutableElement method) {
        TreePath path = trees.getPath(method);
        if (path != null && ((MethodTree) path.getLeaf()).getBody() != null && !unresolved.inSignature(method)
                && twinErrors.absent(path)) {
            reporter.error(DiagnosticId.UNSUPPORTED_CONSTRUCT, method, "jawait could not compile this method:"
                    + " javac found an error in it while jawait processed it, and none now, so another annotation"
                    + " processor changed its class afterwards; run that processor before jawait (earlier on the"
                    + " processor path)");
        }
    }

    /**
     * @return whether the method is left as written: javac is sure to report an error in it
     *     (an orphan jump, {@code this} in a static method), or one was reported here
     */
    private boolean leftAsWritten(MethodTree tree, CompilationUnitTree unit, boolean isStatic) {
        return Jumps.hasOrphan(tree.getBody()) || isStatic && ThisReferences.in(tree.getBody())
                || callsOwnAwait(tree, unit);
    }

    private static String internalError(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return "jawait could not compile this method; please report it: " + trace;
    }

    /**
     * Reports bare {@code await(...)} calls that mean a method of the user's class: the lowering
     * reads every {@code await(x)} as {@code Asyncio.await} and would await {@code x}.
     *
     * @return whether there was one
     */
    private boolean callsOwnAwait(MethodTree tree, CompilationUnitTree unit) {
        boolean found = false;
        for (MethodInvocationTree call : AwaitCalls.awaitsIn(tree.getBody())) {
            if (AwaitNames.callsOwnAwait(call, TreePath.getPath(unit, call))) {
                found = true;
                reporter.error(DiagnosticId.UNSUPPORTED_CONSTRUCT, call.getMethodSelect(), unit,
                        "calling this class's own method await in an @Async method is not supported yet"
                                + " (await(...) there is read as Asyncio.await); rename the method");
            }
        }
        return found;
    }

    /**
     * Compiles the {@code @Async} methods of local and anonymous classes under {@code root}
     * (annotation processing never hands them over: they are not members of any element) that
     * the misuse checker found no error in; those of local interfaces are reported.
     */
    void compileNestedAsyncMethods(Element root) {
        TreePath path = trees.getPath(root);
        if (path == null) {
            return;
        }
        CompilationUnitTree unit = path.getCompilationUnit();
        for (var m : NestedAsyncMethods.in(path)) {
            TreePath methodPath = TreePath.getPath(unit, m);
            Tree owner = methodPath.getParentPath().getLeaf();
            if (owner.getKind() == Tree.Kind.INTERFACE || owner.getKind() == Tree.Kind.ANNOTATION_TYPE) {
                reporter.error(DiagnosticId.UNSUPPORTED_CONSTRUCT, m, unit,
                        "an @Async method in a local interface is not supported yet"
                                + " (declare it in a local or member class)");
            } else if (m.getBody() != null && !reporter.reportedWithin(unit, m) && spliced.add(m)) {
                compileLocal(methodPath);
            }
        }
    }

    private void compileLocal(TreePath methodPath) {
        MethodTree tree = (MethodTree) methodPath.getLeaf();
        CompilationUnitTree unit = methodPath.getCompilationUnit();
        if (leftAsWritten(tree, unit, tree.getModifiers().getFlags().contains(Modifier.STATIC))) {
            return;
        }
        try {
            String name = machineName(methodPath);
            MachineSource source = lowering.lowerLocalClassMethod(methodPath, name);
            String text = splicer.splice(methodPath, source);
            if (dump) {
                ClassTree owner = (ClassTree) methodPath.getParentPath().getLeaf();
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
                // local class names repeat within a file, anonymous ones are empty: add the line
                String ownerName = (owner.getSimpleName().length() == 0 ? "anonymous" : owner.getSimpleName().toString())
                        + "@line" + unit.getLineMap().getLineNumber(trees.getSourcePositions().getStartPosition(unit, owner));
                writeDump(pkg, ownerName + "." + name + ".txt", ownerName + "." + tree.getName()
                        + " (in a local or anonymous class)", text, null);
            }
        } catch (UnsupportedConstructException e) {
            reporter.error(DiagnosticId.UNSUPPORTED_CONSTRUCT, e.tree(), unit, e.getMessage());
        } catch (LocalTypeException e) {
            reporter.error(DiagnosticId.NON_DENOTABLE_LOCAL, e.variable(), unit, e.isUnresolved()
                    ? "the type of '" + e.variable().getName() + "' is not resolved while processing; declare it"
                            + " explicitly" : e.getMessage());
        } catch (Throwable e) {
            reporter.error(DiagnosticId.INTERNAL_ERROR, tree, unit, internalError(e));
        }
    }

    /** @return {@code <method>$Machine}, {@code $2}, {@code $3} for overloads in declaration order */
    static String machineName(TreePath methodPath) {
        MethodTree method = (MethodTree) methodPath.getLeaf();
        int index = 1;
        for (Tree member : ((ClassTree) methodPath.getParentPath().getLeaf()).getMembers()) {
            if (member == method) {
                break;
            }
            if (member instanceof MethodTree m && m.getName().contentEquals(method.getName())) {
                index++;
            }
        }
        return method.getName() + "$Machine" + (index == 1 ? "" : "$" + index);
    }

    /** @return a key that finds the method again in a later round (elements change between rounds) */
    static String key(ExecutableElement method) {
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        List<ExecutableElement> methods = ElementFilter.methodsIn(owner.getEnclosedElements());
        return owner.getQualifiedName() + "#" + methods.indexOf(method);
    }

    /** @return the method {@link #key} names, or {@code null} */
    static ExecutableElement find(Elements elements, String key) {
        int hash = key.lastIndexOf('#');
        TypeElement owner = elements.getTypeElement(key.substring(0, hash));
        if (owner == null) {
            return null;
        }
        List<ExecutableElement> methods = ElementFilter.methodsIn(owner.getEnclosedElements());
        int index = Integer.parseInt(key.substring(hash + 1));
        return index < methods.size() ? methods.get(index) : null;
    }

    private void writeDump(String pkg, String file, String title, String text, Element originating) throws Exception {
        // Not .java: Maven compiles the generated-sources folder on later builds, and the dump is a
        // private nested class shown on its own, for reading.
        FileObject out = originating == null
                ? env.getFiler().createResource(StandardLocation.SOURCE_OUTPUT, pkg, file)
                : env.getFiler().createResource(StandardLocation.SOURCE_OUTPUT, pkg, file, originating);
        try (Writer w = out.openWriter()) {
            w.write("// jawait machine for " + title + " (generated, for reading only)\n");
            w.write(text);
        }
    }
}
