package io.jawait.processor.analysis.misuse;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * Answers "is this method declaration an {@code @Async} method?" for the trees of one root
 * element. Member methods are decided by their elements (exact); methods of local and anonymous
 * classes have no element reachable without attributing the body, so their annotations are
 * resolved syntactically through {@link AwaitNames}.
 */
final class AsyncMethods {
    private final Set<Tree> memberAsyncMethods;
    private final AwaitNames names;

    private AsyncMethods(Set<Tree> memberAsyncMethods, AwaitNames names) {
        this.memberAsyncMethods = memberAsyncMethods;
        this.names = names;
    }

    /** The @Async member methods of {@code root} and its member types, found through elements. */
    static AsyncMethods ofRoot(Trees trees, TypeElement root, CompilationUnitTree unit) {
        Set<Tree> found = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(trees, root, found);
        return new AsyncMethods(found, AwaitNames.of(unit));
    }

    /** Exactly {@code method}, plus whatever local classes in its body declare. */
    static AsyncMethods ofMethod(MethodTree method, CompilationUnitTree unit) {
        Set<Tree> found = Collections.newSetFromMap(new IdentityHashMap<>());
        found.add(method);
        return new AsyncMethods(found, AwaitNames.of(unit));
    }

    /** @return what names mean in the compilation unit these methods are in */
    AwaitNames names() {
        return names;
    }

    /** @return the member @Async methods, whose bodies the processor checks one by one */
    Set<Tree> memberMethods() {
        return memberAsyncMethods;
    }

    /** @return whether the method at {@code methodPath} is an {@code @Async} method */
    boolean isAsync(TreePath methodPath) {
        MethodTree method = (MethodTree) methodPath.getLeaf();
        if (memberAsyncMethods.contains(method)) {
            return true;
        }
        if (isMember(methodPath)) {
            return false;
        }
        for (AnnotationTree annotation : method.getModifiers().getAnnotations()) {
            if (names.isAsyncAnnotation(annotation.getAnnotationType())) {
                return !method.getName().contentEquals("<init>");
            }
        }
        return false;
    }

    /** @return whether some method enclosing {@code path} (excluding its leaf) is @Async */
    boolean enclosedByAsync(TreePath path) {
        for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
            if (p.getLeaf() instanceof MethodTree && isAsync(p)) {
                return true;
            }
        }
        return false;
    }

    /** A member method: only classes between it and the compilation unit, so it has an element. */
    private static boolean isMember(TreePath methodPath) {
        for (TreePath p = methodPath.getParentPath(); p != null; p = p.getParentPath()) {
            Tree leaf = p.getLeaf();
            if (!(leaf instanceof ClassTree || leaf instanceof CompilationUnitTree)) {
                return false;
            }
        }
        return true;
    }

    private static void collect(Trees trees, Element type, Set<Tree> found) {
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() == ElementKind.METHOD) {
                Tree tree = trees.getTree((ExecutableElement) member);
                if (tree != null && (hasAsync(member) || hasUnresolvedAsync(member, tree))) {
                    found.add(tree);
                }
            } else if (member instanceof TypeElement) {
                collect(trees, member, found);
            }
        }
    }

    private static boolean hasAsync(Element element) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            Element annotation = mirror.getAnnotationType().asElement();
            if (annotation instanceof TypeElement t
                    && t.getQualifiedName().contentEquals(AwaitNames.ASYNC_ANNOTATION)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An {@code @Async} written on the method that javac could not resolve (its import is
     * missing) counts as ours: javac reports the annotation, and calling the method's awaits
     * misplaced would only add noise.
     */
    private static boolean hasUnresolvedAsync(Element element, Tree tree) {
        if (!(tree instanceof MethodTree method)) {
            return false;
        }
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals("Async")) {
                // JDK 17 drops an unresolved annotation from the element, later JDKs keep it as an error type.
                return mirror.getAnnotationType().getKind() == TypeKind.ERROR;
            }
        }
        for (AnnotationTree annotation : method.getModifiers().getAnnotations()) {
            Tree type = annotation.getAnnotationType();
            String name = type.toString();
            if (name.equals("Async") || name.endsWith(".Async")) {
                return true;
            }
        }
        return false;
    }
}
