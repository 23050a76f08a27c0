package io.jawait.processor.javac;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAnnotation;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCStatement;
import com.sun.tools.javac.tree.TreeMaker;
import com.sun.tools.javac.tree.TreeScanner;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Names;
import io.jawait.processor.model.MachineSource;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;

/**
 * The one place that changes javac's trees: parses the rendered machine, fills its placeholders
 * with copies of the user's trees, gives synthesized nodes user positions, appends the machine to
 * the user's class (a nestmate, so private members stay accessible) and puts
 * {@code if (true) return new Machine(...);} in front of the original statements, which stay as a
 * type-checked twin that javac generates no code for.
 */
public final class MachineSplicer {
    /**
     * Put on every machine: the twin, the user's statements as written, gets each of the user's
     * warnings, and the machine's copies would repeat them (or warn about generated code). javac
     * has no "all" and ignores names it does not know, so this lists its categories up to JDK 25.
     */
    private static final String QUIET = "@java.lang.SuppressWarnings({\"cast\", \"dangling-doc-comments\","
            + " \"dep-ann\", \"deprecation\", \"divzero\", \"empty\", \"fallthrough\", \"finally\","
            + " \"identity\", \"lossy-conversions\", \"overloads\", \"overrides\", \"rawtypes\", \"removal\","
            + " \"restricted\", \"serial\", \"static\", \"strictfp\", \"synchronization\", \"text-blocks\","
            + " \"this-escape\", \"try\", \"unchecked\", \"varargs\"}) class Quiet {}";

    private final Context context;
    private final Trees trees;
    private final MachineParser parser;
    private final java.util.Map<CompilationUnitTree, FreePositions> freeByUnit = new java.util.IdentityHashMap<>();

    /**
     * @param javacEnv javac's own processing environment (unwrapped)
     * @param trees the tree API
     */
    public MachineSplicer(ProcessingEnvironment javacEnv, Trees trees) {
        this.context = ((JavacProcessingEnvironment) javacEnv).getContext();
        this.trees = trees;
        this.parser = new MachineParser(context);
    }

    /**
     * Splices one machine in and rewrites the method's body.
     *
     * @param method the {@code @Async} method
     * @param source the rendered machine
     * @return the machine as javac sees it (user code included), for {@code -Ajawait.dump}
     */
    public String splice(ExecutableElement method, MachineSource source) {
        return splice(trees.getPath(method), source);
    }

    /**
     * Splices one machine in and rewrites the method's body.
     *
     * @param methodPath the {@code @Async} method, a member of a class (possibly a local one)
     * @param source the rendered machine
     * @return the machine as javac sees it (user code included), for {@code -Ajawait.dump}
     */
    public String splice(TreePath methodPath, MachineSource source) {
        JCClassDecl owner = (JCClassDecl) methodPath.getParentPath().getLeaf();
        JCMethodDecl declaration = (JCMethodDecl) methodPath.getLeaf();
        UserTreeCopier copier = new UserTreeCopier(TreeMaker.instance(context), source.originals(),
                source.replacements(), parser);

        String wrapper = "class $Wrapper$ {\n" + source.classText() + "\n}";
        JCClassDecl machine = parser.memberClass(wrapper);
        PositionAnchors anchors = new PositionAnchors(wrapper, declaration.pos);
        FreePositions free = freePositions(methodPath.getCompilationUnit());
        new TreeScanner() {
            @Override
            public void scan(JCTree t) {
                if (t != null) {
                    if (t.pos >= 0) {
                        t.pos = FreePositions.isCachedArgument(t) ? free.near(anchors.at(t.pos)) : anchors.at(t.pos);
                    }
                    super.scan(t);
                }
            }
        }.scan(machine);
        machine = copier.fillPlaceholders(machine);
        new StepLocals(TreeMaker.instance(context), Names.instance(context)).apply(machine);

        JCStatement start = parser.statement(source.bodyPrefix());
        UserTreeCopier.placeAt(start, declaration.body.pos);
        String dump = DumpText.of(machine, methodPath.getCompilationUnit().getLineMap());
        // After the dump, which shows the machine as rendered.
        JCAnnotation quiet = parser.memberClass("class $Wrapper$ {\n" + QUIET + "\n}").mods.annotations.head;
        UserTreeCopier.placeAt(quiet, declaration.pos);
        machine.mods.annotations = machine.mods.annotations.prepend(quiet);
        owner.defs = owner.defs.append(machine);
        declaration.body.stats = declaration.body.stats.prepend(start);
        return dump;
    }

    /** The free positions of the method's file, scanned once per file (splices only add taken ones). */
    private FreePositions freePositions(CompilationUnitTree unit) {
        return freeByUnit.computeIfAbsent(unit, u -> {
            try {
                return new FreePositions((JCTree) u, u.getLineMap(), u.getSourceFile().getCharContent(true).length());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
