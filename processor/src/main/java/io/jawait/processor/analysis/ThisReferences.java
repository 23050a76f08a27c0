package io.jawait.processor.analysis;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;

/**
 * Finds {@code this} and {@code super}, bare or qualified, in a method body outside the bodies of
 * nested classes (which have their own). In a static method javac rejects every one of them.
 */
public final class ThisReferences {
    private ThisReferences() {
    }

    /**
     * @param body a method body
     * @return whether it mentions {@code this} or {@code super} of the enclosing instance
     */
    public static boolean in(Tree body) {
        Boolean found = new TreeScanner<Boolean, Void>() {
            @Override
            public Boolean visitClass(ClassTree node, Void unused) {
                return false;
            }

            @Override
            public Boolean visitIdentifier(IdentifierTree node, Void unused) {
                return isThisOrSuper(node.getName());
            }

            @Override
            public Boolean visitMemberSelect(MemberSelectTree node, Void unused) {
                return isThisOrSuper(node.getIdentifier()) || Boolean.TRUE.equals(super.visitMemberSelect(node, unused));
            }

            @Override
            public Boolean reduce(Boolean a, Boolean b) {
                return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
            }
        }.scan(body, null);
        return Boolean.TRUE.equals(found);
    }

    private static boolean isThisOrSuper(CharSequence name) {
        return name.toString().equals("this") || name.toString().equals("super");
    }
}
