package io.jawait.processor.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognizes {@code await(...)} calls syntactically: bodies are not attributed during annotation
 * processing, so {@code await}, {@code Asyncio.await} and {@code io.jawait.Asyncio.await} are
 * matched by name. The misuse checker rejects names that would bind elsewhere.
 */
public final class AwaitCalls {
    private AwaitCalls() {
    }

    /**
     * @param tree any tree
     * @return whether {@code tree} is a call of {@code await} with one argument
     */
    public static boolean isAwait(Tree tree) {
        if (!(tree instanceof MethodInvocationTree call) || call.getArguments().size() != 1) {
            return false;
        }
        ExpressionTree select = call.getMethodSelect();
        if (select instanceof IdentifierTree id) {
            return id.getName().contentEquals("await");
        }
        if (select instanceof MemberSelectTree member) {
            String qualifier = member.getExpression().toString();
            return member.getIdentifier().contentEquals("await")
                    && (qualifier.equals("Asyncio") || qualifier.equals("io.jawait.Asyncio"));
        }
        return false;
    }

    /**
     * @param tree an await call ({@link #isAwait(Tree)})
     * @return what it awaits
     */
    public static ExpressionTree awaitedExpression(Tree tree) {
        return ((MethodInvocationTree) tree).getArguments().get(0);
    }

    /**
     * @param tree any tree, may be {@code null}
     * @return whether it contains an await anywhere, lambdas and class bodies included
     */
    public static boolean containsAwait(Tree tree) {
        return !awaitsIn(tree).isEmpty();
    }

    /**
     * Whether a statement must be lowered into states: it awaits, or it has an enhanced for loop
     * or a try-with-resources outside lambdas and classes that is not known to be synchronous
     * (the iterable may be an {@code AsyncIterable} and the resource an {@code AsyncCloseable},
     * both awaited).
     *
     * @param tree any tree, may be {@code null}
     * @param synchronous whether an enhanced for or a try certainly does not suspend by itself
     *     ({@link SynchronousConstructs})
     * @return whether it may suspend
     */
    public static boolean maySuspend(Tree tree, java.util.function.Predicate<Tree> synchronous) {
        if (containsAwait(tree)) {
            return true;
        }
        boolean[] found = {false};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitEnhancedForLoop(com.sun.source.tree.EnhancedForLoopTree node, Void unused) {
                if (!synchronous.test(node)) {
                    found[0] = true;
                    return null;
                }
                return super.visitEnhancedForLoop(node, unused);
            }

            @Override
            public Void visitTry(com.sun.source.tree.TryTree node, Void unused) {
                found[0] |= !node.getResources().isEmpty() && !synchronous.test(node);
                return super.visitTry(node, unused);
            }

            @Override
            public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void unused) {
                return null;
            }

            @Override
            public Void visitClass(com.sun.source.tree.ClassTree node, Void unused) {
                return null;
            }
        }.scan(tree, null);
        return found[0];
    }

    /**
     * @param tree any tree, may be {@code null}
     * @return every await call inside it, in source order, nested ones after their enclosing one
     */
    public static List<MethodInvocationTree> awaitsIn(Tree tree) {
        List<MethodInvocationTree> found = new ArrayList<>();
        if (tree == null) {
            return found;
        }
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                if (isAwait(node)) {
                    found.add(node);
                }
                return super.visitMethodInvocation(node, unused);
            }
        }.scan(tree, null);
        return found;
    }
}
