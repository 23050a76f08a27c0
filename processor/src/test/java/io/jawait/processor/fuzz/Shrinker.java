package io.jawait.processor.fuzz;

import io.jawait.processor.fuzz.Ast.Block;
import io.jawait.processor.fuzz.Ast.If;
import io.jawait.processor.fuzz.Ast.Loop;
import io.jawait.processor.fuzz.Ast.Stmt;
import io.jawait.processor.fuzz.Ast.Switch;
import io.jawait.processor.fuzz.Ast.Try;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing body to a small one that still fails: repeatedly tries removing a statement
 * or replacing a compound statement by one of its blocks, keeping any candidate that still fails
 * (candidates that no longer compile simply do not fail), until nothing smaller fails.
 */
final class Shrinker {
    private Shrinker() {
    }

    static Block shrink(Block body, Predicate<Block> fails, int maxAttempts) {
        Block current = body;
        int attempts = 0;
        boolean progress = true;
        while (progress && attempts < maxAttempts) {
            progress = false;
            for (Block candidate : candidates(current, true)) {
                if (++attempts > maxAttempts) {
                    break;
                }
                if (fails.test(candidate)) {
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    /** Every body one step smaller than {@code b}; the top level keeps its final return. */
    static List<Block> candidates(Block b, boolean topLevel) {
        List<Block> out = new ArrayList<>();
        List<Stmt> stmts = b.stmts();
        int removable = topLevel ? stmts.size() - 1 : stmts.size();
        for (int i = 0; i < removable; i++) {
            out.add(replaced(b, i, null));
        }
        for (int i = 0; i < removable; i++) {
            Stmt s = stmts.get(i);
            for (Block child : children(s)) {
                out.add(replaced(b, i, child));
            }
            int index = i;
            List<Block> kids = children(s);
            for (int k = 0; k < kids.size(); k++) {
                for (Block smallerKid : candidates(kids.get(k), false)) {
                    out.add(replaced(b, index, withChild(s, k, smallerKid)));
                }
            }
        }
        return out;
    }

    private static Block replaced(Block b, int index, Stmt replacement) {
        List<Stmt> copy = new ArrayList<>(b.stmts());
        if (replacement == null) {
            copy.remove(index);
        } else {
            copy.set(index, replacement);
        }
        return new Block(copy);
    }

    private static List<Block> children(Stmt s) {
        List<Block> kids = new ArrayList<>();
        if (s instanceof Block b) {
            kids.add(b);
        } else if (s instanceof If i) {
            kids.add(i.then());
            if (i.otherwise() != null) {
                kids.add(i.otherwise());
            }
        } else if (s instanceof Loop l) {
            kids.add(l.body());
        } else if (s instanceof Switch sw) {
            kids.addAll(sw.cases());
        } else if (s instanceof Try t) {
            kids.add(t.body());
            if (t.handler() != null) {
                kids.add(t.handler());
            }
            if (t.cleanup() != null) {
                kids.add(t.cleanup());
            }
        }
        return kids;
    }

    private static Stmt withChild(Stmt s, int k, Block child) {
        if (s instanceof Block) {
            return child;
        } else if (s instanceof If i) {
            return k == 0 ? new If(i.cond(), child, i.otherwise()) : new If(i.cond(), i.then(), child);
        } else if (s instanceof Loop l) {
            return new Loop(l.kind(), l.label(), l.counter(), l.bound(), child);
        } else if (s instanceof Switch sw) {
            List<Block> cases = new ArrayList<>(sw.cases());
            cases.set(k, child);
            return new Switch(sw.selector(), cases, sw.breaks());
        } else if (s instanceof Try t) {
            List<Block> kids = children(s);
            kids.set(k, child);
            int i = 0;
            Block body = kids.get(i++);
            Block handler = t.handler() != null ? kids.get(i++) : null;
            Block cleanup = t.cleanup() != null ? kids.get(i) : null;
            return new Try(body, handler, cleanup);
        }
        throw new IllegalArgumentException("no child blocks in " + s);
    }
}
