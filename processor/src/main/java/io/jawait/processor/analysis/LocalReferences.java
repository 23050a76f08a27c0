package io.jawait.processor.analysis;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Syntactic name resolution inside one method: which identifier refers to which local variable or
 * parameter, which names are free (outer members), and which references sit inside a lambda or
 * class body. Bodies are not attributed during processing, so this mirrors Java's scoping rules:
 * locals never shadow locals, so the innermost declaration in lexical scope is the one.
 */
public final class LocalReferences {
    /** Marks a name declared by a nested class (its fields): not a local of the method. */
    private static final VariableTree MEMBER = null;

    private final Map<IdentifierTree, VariableTree> targets = new IdentityHashMap<>();
    private final Map<VariableTree, TreePath> firstReference = new IdentityHashMap<>();
    private final Set<VariableTree> nested = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<IdentifierTree> captured = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<IdentifierTree> freeNames = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<IdentifierTree> freeMethodNames = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Tree> outerThis = Collections.newSetFromMap(new IdentityHashMap<>());

    private LocalReferences() {
    }

    /**
     * Resolves every identifier of a method.
     *
     * @param methodPath the path of the method declaration
     * @return the resolution
     */
    public static LocalReferences of(TreePath methodPath) {
        LocalReferences result = new LocalReferences();
        result.new Resolver().scan(methodPath, null);
        return result;
    }

    /** @return the local or parameter {@code id} refers to, or {@code null} */
    public VariableTree target(IdentifierTree id) {
        return targets.get(id);
    }

    /** @return the path of some reference to {@code variable} (for scope queries), or {@code null} */
    public TreePath firstReference(VariableTree variable) {
        return firstReference.get(variable);
    }

    /** @return whether {@code variable} is declared inside a lambda or a class body */
    public boolean isNested(VariableTree variable) {
        return nested.contains(variable);
    }

    /** @return whether {@code id} reads a local from inside a lambda or class body declared later */
    public boolean isCaptured(IdentifierTree id) {
        return captured.contains(id);
    }

    /** @return whether {@code id} names no local: an outer field (or a type or package) */
    public boolean isFreeName(IdentifierTree id) {
        return freeNames.contains(id);
    }

    /** @return whether {@code id} is an unqualified method name outside nested classes */
    public boolean isFreeMethodName(IdentifierTree id) {
        return freeMethodNames.contains(id);
    }

    /** @return whether {@code tree} is {@code this} or {@code super.x} meaning the method's object */
    public boolean isOuterThis(Tree tree) {
        return outerThis.contains(tree);
    }

    /** Scans with a stack of lexical scopes; never descends into type trees. */
    private final class Resolver extends TreePathScanner<Void, Void> {
        private final Deque<Map<String, VariableTree>> scopes = new ArrayDeque<>();
        private final Map<VariableTree, Integer> depthOf = new IdentityHashMap<>();
        private int lambdaDepth;
        private int classDepth;

        private int depth() {
            return lambdaDepth + classDepth;
        }

        private void declare(VariableTree v) {
            scopes.peek().put(v.getName().toString(), v);
            depthOf.put(v, depth());
            if (depth() > 0) {
                nested.add(v);
            }
        }

        private Void scoped(Runnable body) {
            scopes.push(new HashMap<>());
            try {
                body.run();
            } finally {
                scopes.pop();
            }
            return null;
        }

        @Override
        public Void visitMethod(MethodTree node, Void unused) {
            return scoped(() -> {
                node.getParameters().forEach(this::declare);
                scan(node.getBody(), null);
            });
        }

        @Override
        public Void visitBlock(BlockTree node, Void unused) {
            return scoped(() -> super.visitBlock(node, null));
        }

        @Override
        public Void visitVariable(VariableTree node, Void unused) {
            scan(node.getInitializer(), null);
            if (!(getCurrentPath().getParentPath().getLeaf() instanceof ClassTree)) {
                declare(node);   // a field of a nested class stays a member, not a local
            }
            return null;
        }

        @Override
        public Void visitForLoop(ForLoopTree node, Void unused) {
            return scoped(() -> super.visitForLoop(node, null));
        }

        @Override
        public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void unused) {
            scan(node.getExpression(), null);
            return scoped(() -> {
                declare(node.getVariable());
                scan(node.getStatement(), null);
            });
        }

        @Override
        public Void visitCatch(CatchTree node, Void unused) {
            return scoped(() -> {
                declare(node.getParameter());
                scan(node.getBlock(), null);
            });
        }

        @Override
        public Void visitTry(TryTree node, Void unused) {
            scoped(() -> {
                scan(node.getResources(), null);
                scan(node.getBlock(), null);
            });
            scan(node.getCatches(), null);
            scan(node.getFinallyBlock(), null);
            return null;
        }

        @Override
        public Void visitSwitch(SwitchTree node, Void unused) {
            scan(node.getExpression(), null);
            return scoped(() -> scan(node.getCases(), null));
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
            lambdaDepth++;
            try {
                return scoped(() -> {
                    node.getParameters().forEach(this::declare);
                    scan(node.getBody(), null);
                });
            } finally {
                lambdaDepth--;
            }
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
            classDepth++;
            try {
                return scoped(() -> {
                    for (Tree member : node.getMembers()) {
                        if (member instanceof VariableTree field) {
                            scopes.peek().put(field.getName().toString(), MEMBER);
                        }
                    }
                    scan(node.getMembers(), null);
                });
            } finally {
                classDepth--;
            }
        }

        @Override
        public Void visitNewClass(NewClassTree node, Void unused) {
            scan(node.getEnclosingExpression(), null);
            scan(node.getArguments(), null);
            scan(node.getClassBody(), null);
            return null;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
            if (node.getMethodSelect() instanceof IdentifierTree name) {
                if (classDepth == 0 && !isOwnName(name)) {
                    freeMethodNames.add(name);
                }
            } else {
                scan(node.getMethodSelect(), null);
            }
            scan(node.getArguments(), null);
            return null;
        }

        private boolean isOwnName(IdentifierTree name) {
            return name.getName().contentEquals("this") || name.getName().contentEquals("super");
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree node, Void unused) {
            if (node.getExpression() instanceof IdentifierTree id && id.getName().contentEquals("super")) {
                if (classDepth == 0) {
                    outerThis.add(node);
                }
                return null;
            }
            return scan(node.getExpression(), null);
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree node, Void unused) {
            return scan(node.getQualifierExpression(), null);
        }

        @Override
        public Void visitTypeCast(TypeCastTree node, Void unused) {
            return scan(node.getExpression(), null);
        }

        @Override
        public Void visitInstanceOf(InstanceOfTree node, Void unused) {
            scan(node.getExpression(), null);
            if (node.getPattern() != null) {
                scan(node.getPattern(), null);
            }
            return null;
        }

        @Override
        public Void visitNewArray(NewArrayTree node, Void unused) {
            scan(node.getDimensions(), null);
            scan(node.getInitializers(), null);
            return null;
        }

        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
            String name = node.getName().toString();
            if (name.equals("this")) {
                if (classDepth == 0) {
                    outerThis.add(node);
                }
                return null;
            }
            for (Map<String, VariableTree> scope : scopes) {
                if (scope.containsKey(name)) {
                    VariableTree v = scope.get(name);
                    if (v != MEMBER) {
                        targets.put(node, v);
                        firstReference.putIfAbsent(v, getCurrentPath());
                        if (depthOf.get(v) < depth()) {
                            captured.add(node);
                        }
                    }
                    return null;
                }
            }
            if (classDepth == 0) {
                freeNames.add(node);
            }
            return null;
        }
    }
}
