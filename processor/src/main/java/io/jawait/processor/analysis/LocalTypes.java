package io.jawait.processor.analysis;

import com.sun.source.tree.Scope;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Types of {@code var} locals, read from {@link Trees#getScope(TreePath)} at a path where the
 * local is in scope. {@code getScope} attributes a copy of the enclosing code without touching the
 * real compilation (unlike {@code Trees.getElement}, which must never be used on bodies here).
 */
public final class LocalTypes {
    /** Whether a type can be written in the machine's source. */
    public enum Denotability {
        /** Writable as is. */
        DENOTABLE,
        /** Mentions a type javac has not resolved yet, for example one generated this round. */
        UNRESOLVED,
        /** An intersection or anonymous class type: Java has no syntax for it. */
        NON_DENOTABLE,
        /** A local class: not visible from the machine, which is a member of the outer class. */
        LOCAL_CLASS
    }

    private final Trees trees;

    /** @param trees the tree API */
    public LocalTypes(Trees trees) {
        this.trees = trees;
    }

    /**
     * @param variable a local declared with {@code var}
     * @param inScope a path where it is in scope (a reference to it)
     * @return its type, or {@code null} if the scope does not show it
     */
    public TypeMirror typeOf(VariableTree variable, TreePath inScope) {
        return localsAt(inScope).get(variable.getName().toString());
    }

    /**
     * @param path a path inside a method
     * @return the locals and parameters in scope there, by name (the innermost of a name); empty
     *     when javac cannot attribute the copy {@code getScope} makes (javac 17 fails on some
     *     generic conditionals there, with a NullPointerException in Attr): the callers then treat
     *     the types as unknown
     */
    public Map<String, TypeMirror> localsAt(TreePath path) {
        Map<String, TypeMirror> locals = new HashMap<>();
        Scope scope;
        try {
            scope = trees.getScope(path);
        } catch (RuntimeException javacFailed) {
            return locals;
        }
        for (Scope s = scope; s != null; s = s.getEnclosingScope()) {
            for (Element e : s.getLocalElements()) {
                if (isVariable(e.getKind())) {
                    locals.putIfAbsent(e.getSimpleName().toString(), e.asType());
                }
            }
            if (s.getEnclosingMethod() == null) {
                break;
            }
        }
        return locals;
    }

    static boolean isVariable(ElementKind kind) {
        return kind == ElementKind.LOCAL_VARIABLE || kind == ElementKind.PARAMETER
                || kind == ElementKind.EXCEPTION_PARAMETER || kind == ElementKind.RESOURCE_VARIABLE
                || kind.name().equals("BINDING_VARIABLE");
    }

    /**
     * @param type a local's type
     * @return whether and why it can or cannot be written in source
     */
    public static Denotability denotability(TypeMirror type) {
        switch (type.getKind()) {
            case ERROR:
                return Denotability.UNRESOLVED;
            case INTERSECTION:
            case UNION:
                return Denotability.NON_DENOTABLE;
            case ARRAY:
                return denotability(((ArrayType) type).getComponentType());
            case WILDCARD: {
                WildcardType w = (WildcardType) type;
                TypeMirror bound = w.getExtendsBound() != null ? w.getExtendsBound() : w.getSuperBound();
                return bound == null ? Denotability.DENOTABLE : denotability(bound);
            }
            case DECLARED: {
                DeclaredType d = (DeclaredType) type;
                NestingKind nesting = ((TypeElement) d.asElement()).getNestingKind();
                if (nesting == NestingKind.ANONYMOUS) {
                    return Denotability.NON_DENOTABLE;
                }
                if (nesting == NestingKind.LOCAL) {
                    return Denotability.LOCAL_CLASS;
                }
                for (TypeMirror arg : d.getTypeArguments()) {
                    Denotability inner = denotability(arg);
                    if (inner != Denotability.DENOTABLE) {
                        return inner;
                    }
                }
                return d.getEnclosingType().getKind() == TypeKind.DECLARED
                        ? denotability(d.getEnclosingType()) : Denotability.DENOTABLE;
            }
            default:
                return Denotability.DENOTABLE;
        }
    }
}
