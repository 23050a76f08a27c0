package io.jawait.processor.analysis;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code @Async} methods declared in local and anonymous classes. Annotation processing
 * never hands those methods to the processor (they are not members of any element it sees), so
 * they are found in the trees and reported instead of silently running their original body.
 */
public final class NestedAsyncMethods {
    private NestedAsyncMethods() {
    }

    /**
     * @param typePath the path of a top-level type
     * @return the {@code @Async} methods of local and anonymous classes inside it
     */
    public static List<MethodTree> in(TreePath typePath) {
        List<MethodTree> found = new ArrayList<>();
        new TreePathScanner<Void, Integer>() {
            @Override
            public Void visitClass(ClassTree node, Integer methodDepth) {
                boolean local = methodDepth > 0 || getCurrentPath().getParentPath().getLeaf() instanceof NewClassTree;
                for (var member : node.getMembers()) {
                    if (local && member instanceof MethodTree m && isAsync(m)) {
                        found.add(m);
                    }
                }
                return super.visitClass(node, local ? 1 : 0);
            }

            @Override
            public Void visitMethod(MethodTree node, Integer methodDepth) {
                return super.visitMethod(node, methodDepth + 1);
            }
        }.scan(typePath, 0);
        return found;
    }

    private static boolean isAsync(MethodTree m) {
        for (AnnotationTree a : m.getModifiers().getAnnotations()) {
            String name = a.getAnnotationType().toString();
            if (name.equals("Async") || name.equals("io.jawait.annotation.Async")) {
                return true;
            }
        }
        return false;
    }
}
