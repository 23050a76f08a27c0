package io.jawait.processor.javac;

import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCExpressionStatement;
import com.sun.tools.javac.tree.JCTree.JCIdent;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.TreeCopier;
import com.sun.tools.javac.tree.TreeMaker;
import com.sun.tools.javac.tree.TreeScanner;
import com.sun.tools.javac.tree.TreeTranslator;
import com.sun.tools.javac.util.Name;
import java.util.List;
import java.util.Map;

/**
 * Copies user subtrees into the machine: a plain {@link TreeCopier} (copies keep the user's
 * positions), except that trees with a registered replacement are replaced by their parsed text,
 * whose synthesized nodes get the replaced tree's position and whose placeholders are filled with
 * copies in turn.
 */
final class UserTreeCopier extends TreeCopier<Void> {
    private final List<Tree> originals;
    private final Map<Tree, String> replacements;
    private final MachineParser parser;
    private final TreeMaker maker;

    UserTreeCopier(TreeMaker maker, List<Tree> originals, Map<Tree, String> replacements, MachineParser parser) {
        super(maker);
        this.maker = maker;
        this.originals = originals;
        this.replacements = replacements;
        this.parser = parser;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends JCTree> T copy(T tree, Void unused) {
        if (tree == null || !replacements.containsKey(tree)) {
            return super.copy(tree, unused);
        }
        String text = replacements.get(tree);
        JCTree parsed = tree instanceof StatementTree ? parser.statement(text) : parser.expression(text);
        placeAt(parsed, tree.pos);
        return (T) fillPlaceholders(parsed);
    }

    /** Replaces every placeholder in a parsed tree with a copy of its original. */
    <T extends JCTree> T fillPlaceholders(T parsed) {
        return new TreeTranslator() {
            @Override
            public void visitIdent(JCIdent ident) {
                int index = index(ident, "__u");
                result = index < 0 ? ident : copy((JCTree) originals.get(index), null);
            }

            @Override
            public void visitApply(JCMethodInvocation call) {
                int at = call.meth instanceof JCIdent name && call.args.size() == 1 ? index(name, "__p") : -1;
                int callAt = call.meth instanceof JCIdent name && call.args.size() == 1 ? index(name, "__q") : -1;
                if (at >= 0 || callAt >= 0) {
                    // an expression rebuilt from user code: it takes the user tree's position
                    JCExpression rebuilt = translate(call.args.head);
                    JCTree original = (JCTree) originals.get(Math.max(at, callAt));
                    if (at >= 0) {
                        rebuilt.pos = original.pos;
                    } else if (rebuilt instanceof JCMethodInvocation c && original instanceof JCMethodInvocation o) {
                        c.meth.pos = o.meth.pos;
                    }
                    result = rebuilt;
                    return;
                }
                call.typeargs = translate(call.typeargs);   // x.<__u3>f(): TreeTranslator skips them
                super.visitApply(call);
            }

            @Override
            public void visitClassDef(JCClassDecl member) {
                int index = index(member.name, "__m");
                if (index >= 0) {
                    // A local type moved into the machine; static if its placeholder is.
                    JCClassDecl moved = copy((JCClassDecl) originals.get(index), null);
                    moved.mods.flags |= member.mods.flags & Flags.STATIC;
                    result = moved;
                } else {
                    super.visitClassDef(member);
                }
            }

            @Override
            public void visitExec(JCExpressionStatement statement) {
                if (statement.expr instanceof JCMethodInvocation call && call.args.isEmpty()
                        && call.meth instanceof JCIdent name && index(name, "__s") >= 0) {
                    JCTree original = (JCTree) originals.get(index(name, "__s"));
                    JCTree copied = copy(original, null);
                    // An arrow case's expression body stands for a statement: wrap it.
                    result = copied instanceof JCExpression e ? maker.at(original.pos).Exec(e) : copied;
                } else {
                    super.visitExec(statement);
                }
            }
        }.translate(parsed);
    }

    private static int index(JCIdent ident, String prefix) {
        return index(ident.name, prefix);
    }

    private static int index(Name identifier, String prefix) {
        String name = identifier.toString();
        if (!name.startsWith(prefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(name.substring(prefix.length()));
        } catch (NumberFormatException notOurs) {
            return -1;
        }
    }

    /** Gives every node of a synthesized tree the user position {@code pos}. */
    static void placeAt(JCTree tree, int pos) {
        new TreeScanner() {
            @Override
            public void scan(JCTree t) {
                if (t != null) {
                    if (t.pos >= 0) {
                        t.pos = pos;
                    }
                    super.scan(t);
                }
            }
        }.scan(tree);
    }
}
