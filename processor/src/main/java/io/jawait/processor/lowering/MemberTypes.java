package io.jawait.processor.lowering;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Local types declared directly in a block that awaits. A local type declared in one case of
 * {@code step()} would be invisible from the others, so it becomes a member type of the machine
 * instead. Records, enums and interfaces are implicitly static and capture nothing from the
 * method; a local class is moved only when it uses none of the method's locals (it becomes an
 * inner class of the machine, whose own enclosing instance is the method's object, or a static
 * one in a static method). So where they are declared does not change what their code means.
 * Only where their name is visible changes (the whole machine instead of the rest of its block),
 * so the move is refused when the name is used anywhere else in the method, where it means
 * another type.
 */
final class MemberTypes {
    private final BodyLowering body;
    private final List<String> placeholders = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    MemberTypes(BodyLowering body) {
        this.body = body;
    }

    /** Moves {@code type}, a local type declared at split level, into the machine. */
    void move(ClassTree type) {
        String name = type.getSimpleName().toString();
        SourceInfo source = body.source;
        TreePath path = TreePath.getPath(source.unit(), type);
        Tree block = path.getParentPath().getLeaf();
        TreePath methodPath = path;
        while (methodPath.getLeaf().getKind() != Tree.Kind.METHOD) {
            methodPath = methodPath.getParentPath();
        }
        long start = source.pos(type);
        long end = source.trees().getSourcePositions().getEndPosition(source.unit(), block);
        MethodTree method = (MethodTree) methodPath.getLeaf();
        if (type.getKind() == Tree.Kind.CLASS) {
            String captured = capturedName(type, method);
            if (captured != null) {
                throw body.unsupported(type, "a local class declared directly in a block that awaits, and using '"
                        + captured + "' of the method,");
            }
        }
        if (!(block instanceof BlockTree)) {
            throw body.unsupported(type, "a local " + kind(type) + " declared directly in a switch case that awaits");
        }
        if (!names.add(name) || declaresAnother(method, type)
                || usedOutside(method, name, start, end)) {
            throw body.unsupported(type, "a local " + kind(type) + " declared in a block that awaits, with a name"
                    + " that is also used outside that block or declared twice in the method,");
        }
        placeholders.add(body.placeholders.member(type));
    }

    /** @return the placeholder names of the moved types, each to render as a member class */
    List<String> placeholders() {
        return placeholders;
    }

    /** @return whether {@code type} is one of the moved types (a local class of this method with a moved name) */
    boolean isMoved(TypeElement type) {
        return type.getNestingKind() == NestingKind.LOCAL && names.contains(type.getSimpleName().toString());
    }

    /**
     * @return a local of the method (or, in a static method, a type variable of the method, which
     *     a static member class cannot see) that the class uses, or {@code null}
     */
    private String capturedName(ClassTree type, MethodTree method) {
        SourceInfo source = body.source;
        long start = source.pos(type);
        long end = source.trees().getSourcePositions().getEndPosition(source.unit(), type);
        Set<String> typeVariables = new HashSet<>();
        if (method.getModifiers().getFlags().contains(Modifier.STATIC)) {
            method.getTypeParameters().forEach(t -> typeVariables.add(t.getName().toString()));
        }
        String[] found = {null};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree id, Void unused) {
                VariableTree target = body.references.target(id);
                boolean local = target != null && (source.pos(target) < start || source.pos(target) >= end);
                if (found[0] == null && (local || typeVariables.contains(id.getName().toString()))) {
                    found[0] = id.getName().toString();
                }
                return null;
            }
        }.scan(type, null);
        return found[0];
    }

    private static boolean declaresAnother(Tree method, ClassTree moved) {
        boolean[] found = {false};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitClass(ClassTree c, Void unused) {
                found[0] |= c != moved && c.getSimpleName().contentEquals(moved.getSimpleName());
                return super.visitClass(c, unused);
            }
        }.scan(method, null);
        return found[0];
    }

    private boolean usedOutside(Tree method, String name, long start, long end) {
        boolean[] found = {false};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree id, Void unused) {
                long at = body.source.pos(id);
                found[0] |= id.getName().contentEquals(name) && (at < start || at >= end);
                return null;
            }
        }.scan(method, null);
        return found[0];
    }

    private static String kind(ClassTree type) {
        return switch (type.getKind()) {
            case CLASS -> "class";
            case RECORD -> "record";
            case ENUM -> "enum";
            default -> "interface";
        };
    }
}
