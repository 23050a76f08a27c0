package io.jawait.processor.analysis;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Parses a source (no attribution, as during annotation processing) for analysis unit tests. */
final class Parsed {
    final CompilationUnitTree unit;

    Parsed(String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavacTask task = (JavacTask) javac.getTask(null, null, null, List.of("-proc:none"), null,
                List.of(com.google.testing.compile.JavaFileObjects.forSourceString("t.T", source)));
        try {
            unit = task.parse().iterator().next();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** @return the path of the method named {@code name} */
    TreePath method(String name) {
        TreePath[] found = {null};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethod(MethodTree node, Void unused) {
                if (node.getName().contentEquals(name)) {
                    found[0] = getCurrentPath();
                }
                return super.visitMethod(node, unused);
            }
        }.scan(unit, null);
        return found[0];
    }

    /** @return the first tree of {@code kind} whose text is {@code text}, in source order */
    static <T extends Tree> T find(Tree root, Tree.Kind kind, String text) {
        Object[] found = {null};
        new com.sun.source.util.TreeScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (found[0] == null && tree != null && tree.getKind() == kind && tree.toString().equals(text)) {
                    found[0] = tree;
                }
                return super.scan(tree, unused);
            }
        }.scan(root, null);
        @SuppressWarnings("unchecked")
        T t = (T) found[0];
        return t;
    }
}
