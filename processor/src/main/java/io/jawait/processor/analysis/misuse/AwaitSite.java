package io.jawait.processor.analysis.misuse;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;

/**
 * One use of {@code Asyncio.await} found in source.
 *
 * @param path the path to the call (a method invocation) or to the method reference
 * @param reference whether it is an {@code Asyncio::await} method reference rather than a call
 */
record AwaitSite(TreePath path, boolean reference) {

    /**
     * The tree to report at. javac places a diagnostic at a tree's preferred position, which for
     * a call is its {@code (} and for {@code a.b} the dot; the leftmost name of the call's
     * qualifier starts where the user's {@code await}/{@code Asyncio.await} starts.
     *
     * @return the leftmost identifier of the call or reference
     */
    Tree anchor() {
        Tree leaf = path.getLeaf();
        ExpressionTree start = leaf instanceof MethodInvocationTree call
                ? call.getMethodSelect()
                : ((MemberReferenceTree) leaf).getQualifierExpression();
        while (start instanceof MemberSelectTree select) {
            start = select.getExpression();
        }
        return start;
    }
}
