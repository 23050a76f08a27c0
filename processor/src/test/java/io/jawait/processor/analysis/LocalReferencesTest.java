package io.jawait.processor.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Syntactic name resolution on unattributed trees. */
class LocalReferencesTest {

    @Test
    void resolvesLocalsParametersFreeNamesAndCaptures() {
        Parsed p = new Parsed("""
                class T {
                    int state;
                    void m(int a) {
                        int x = a;
                        { String y = "" + x; }
                        Runnable r = () -> System.out.println(x + state);
                        Object o = new Object() { int x = 1; public String toString() { return "" + x; } };
                        this.state = toString().length();
                    }
                }
                """);
        TreePath m = p.method("m");
        LocalReferences refs = LocalReferences.of(m);
        List<IdentifierTree> ids = identifiers(m.getLeaf());
        VariableTree a = ((MethodTree) m.getLeaf()).getParameters().get(0);
        VariableTree x = (VariableTree) ((MethodTree) m.getLeaf()).getBody().getStatements().get(0);

        IdentifierTree aRef = ids.stream().filter(i -> i.getName().contentEquals("a")).findFirst().orElseThrow();
        assertEquals(a, refs.target(aRef));
        List<IdentifierTree> xRefs = ids.stream().filter(i -> i.getName().contentEquals("x")).toList();
        assertEquals(x, refs.target(xRefs.get(0)), "in the block");
        assertEquals(x, refs.target(xRefs.get(1)), "in the lambda");
        assertTrue(refs.isCaptured(xRefs.get(1)));
        assertFalse(refs.isCaptured(xRefs.get(0)));
        assertNull(refs.target(xRefs.get(2)), "the anonymous class's own field");

        IdentifierTree state = ids.stream().filter(i -> i.getName().contentEquals("state")).findFirst().orElseThrow();
        assertTrue(refs.isFreeName(state), "an outer field");
        IdentifierTree thisRef = ids.stream().filter(i -> i.getName().contentEquals("this")).findFirst().orElseThrow();
        assertTrue(refs.isOuterThis(thisRef));
        List<IdentifierTree> toStrings = ids.stream().filter(i -> i.getName().contentEquals("toString")).toList();
        assertEquals(1, toStrings.size(), "the anonymous class's toString is a declaration, not a call");
        assertTrue(refs.isFreeMethodName(toStrings.get(0)));
    }

    @Test
    void statementsFollowJlsReachability() {
        Parsed p = new Parsed("""
                class T {
                    void m(int k) {
                        while (true) { if (k > 0) break; }
                        for (;;) { }
                        do { return; } while (k > 0);
                        out: { if (k > 1) break out; return; }
                        switch (k) { case 1: return; default: throw new RuntimeException(); }
                    }
                }
                """);
        BlockTree body = ((MethodTree) p.method("m").getLeaf()).getBody();
        List<Boolean> completes = new ArrayList<>();
        body.getStatements().forEach(s -> completes.add(Statements.canCompleteNormally(s)));
        assertEquals(List.of(true, false, false, true, false), completes);
        assertEquals(1, Jumps.leaving(body.getStatements().get(2)).size(), "the return leaves the do loop");
        assertEquals(0, Jumps.leaving(body.getStatements().get(0)).size(), "the break stays in its loop");
    }

    private static List<IdentifierTree> identifiers(Tree root) {
        List<IdentifierTree> ids = new ArrayList<>();
        new com.sun.source.util.TreeScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                ids.add(node);
                return null;
            }
        }.scan(root, null);
        return ids;
    }
}
