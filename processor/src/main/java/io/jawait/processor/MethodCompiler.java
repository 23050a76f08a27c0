package io.jawait.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
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
import io.jawait.processor.lowering.LocalTypeException;
import io.jawait.processor.lowering.MethodLowering;
import io.jawait.processor.lowering.UnsupportedConstructException;
import io.jawait.processor.model.MachineSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
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
    private final boolean dump;

    MethodCompiler(ProcessingEnvironment env, Trees trees, Reporter reporter, MachineSplicer splicer, boolean dump) {
        this.env = env;
        this.trees = trees;
        this.reporter = reporter;
        this.splicer = splicer;
        this.lowering = new MethodLowering(trees, env.getElementUtils());
        this.unresolved = new UnresolvedTypes(trees);
        this.dump = dump;
    }

    /**
     * @param method a validated {@code @Async} method
     * @return {@code false} when the method must be retried next round (a type not resolved yet;
     *     if it never resolves, the method stays as written and javac reports the user's error)
     */
    boolean compile(ExecutableElement method) {
        TreePath path = trees.getPath(method);
        CompilationUnitTree unit = path == null ? null : path.getCompilationUnit();
        MethodTree tree = path == null ? null : (MethodTree) path.getLeaf();
        try {
            if (tree == null || tree.getBody() == null) {
                return true;   // no source or no body: nothing to compile (the misuse checker reports the latter)
            }
            // Errors javac is sure to report: left as written, the method gets javac's own error.
            if (Jumps.hasOrphan(tree.getBody())
                    || method.getModifiers().contains(Modifier.STATIC) && ThisReferences.in(tree.getBody())) {
                return true;
            }
            if (callsOwnAwait(tree, unit) || reservedParameter(method, tree, unit)) {
                return true;
            }
            if (unresolved.inSignature(method)) {
                return false;
            }
            String name = machineName(method);
            MachineSource source = lowering.lower(method, name);
            if (unresolved.inHoistedLocals(path, source.originals())) {
                return false;
            }
            String spliced = splicer.splice(method, source);
            if (dump) {
                writeDump(method, name, spliced);
            }
        } catch (UnsupportedConstructException e) {
            reporter.error(DiagnosticId.UNSUPPORTED_CONSTRUCT, e.tree(), unit, e.getMessage());
        } catch (LocalTypeException e) {
            if (e.isUnresolved()) {
                return false;
            }
            reporter.error(DiagnosticId.NON_DENOTABLE_LOCAL, e.variable(), unit, e.getMessage());
        } catch (Throwable e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            reporter.error(DiagnosticId.INTERNAL_ERROR, method,
                    "jawait could not compile this method; please report it: " + trace);
        }
        return true;
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
     * Reports a parameter named like a field every machine has: the machine keeps parameters as
     * fields of the same name, and one named {@code state} would hide the machine's own state (a
     * silent miscompile). Locals are renamed; parameters are not yet.
     *
     * @return whether there was one
     */
    private boolean reservedParameter(ExecutableElement method, MethodTree tree, CompilationUnitTree unit) {
        boolean hasSelf = method.getEnclosingElement().getKind().isInterface()
                && !method.getModifiers().contains(Modifier.STATIC);
        for (var p : tree.getParameters()) {
            String name = p.getName().toString();
            if (name.equals("state") || hasSelf && name.equals("self")) {
                reporter.error(DiagnosticId.UNSUPPORTED_CONSTRUCT, p, unit, "a parameter named '" + name
                        + "' in an @Async method is not supported yet; rename it");
                return true;
            }
        }
        return false;
    }

    /** Reports {@code @Async} methods of local and anonymous classes, which are not compiled. */
    void reportNestedAsyncMethods(Element root) {
        TreePath path = trees.getPath(root);
        if (path == null) {
            return;
        }
        for (var m : NestedAsyncMethods.in(path)) {
            reporter.error(DiagnosticId.UNSUPPORTED_CONSTRUCT, m, path.getCompilationUnit(),
                    "an @Async method in a local or anonymous class is not supported yet");
        }
    }

    /** @return {@code <method>$Machine}, {@code $2}, {@code $3} for overloads in declaration order */
    static String machineName(ExecutableElement method) {
        int index = 1;
        for (ExecutableElement m : ElementFilter.methodsIn(method.getEnclosingElement().getEnclosedElements())) {
            if (m.equals(method)) {
                break;
            }
            if (m.getSimpleName().equals(method.getSimpleName())) {
                index++;
            }
        }
        return method.getSimpleName() + "$Machine" + (index == 1 ? "" : "$" + index);
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

    private void writeDump(ExecutableElement method, String name, String spliced) throws Exception {
        Element owner = method.getEnclosingElement();
        String pkg = env.getElementUtils().getPackageOf(owner).getQualifiedName().toString();
        // Not .java: Maven compiles the generated-sources folder on later builds, and the dump is a
        // private nested class shown on its own, for reading.
        String file = owner.getSimpleName() + "." + name + ".txt";
        FileObject out = env.getFiler().createResource(StandardLocation.SOURCE_OUTPUT, pkg, file, owner);
        try (Writer w = out.openWriter()) {
            w.write("// jawait machine for " + owner + "." + method + " (generated, for reading only)\n");
            w.write(spliced);
        }
    }
}
