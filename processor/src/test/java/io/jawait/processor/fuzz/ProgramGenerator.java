package io.jawait.processor.fuzz;

import io.jawait.processor.fuzz.Ast.AndOr;
import io.jawait.processor.fuzz.Ast.ArrayRead;
import io.jawait.processor.fuzz.Ast.Assign;
import io.jawait.processor.fuzz.Ast.Await;
import io.jawait.processor.fuzz.Ast.Bin;
import io.jawait.processor.fuzz.Ast.Block;
import io.jawait.processor.fuzz.Ast.Call;
import io.jawait.processor.fuzz.Ast.Child;
import io.jawait.processor.fuzz.Ast.Cmp;
import io.jawait.processor.fuzz.Ast.Concat;
import io.jawait.processor.fuzz.Ast.Cond;
import io.jawait.processor.fuzz.Ast.SwitchExpr;
import io.jawait.processor.fuzz.Ast.Decl;
import io.jawait.processor.fuzz.Ast.Expr;
import io.jawait.processor.fuzz.Ast.If;
import io.jawait.processor.fuzz.Ast.Jump;
import io.jawait.processor.fuzz.Ast.Lit;
import io.jawait.processor.fuzz.Ast.Log;
import io.jawait.processor.fuzz.Ast.Loop;
import io.jawait.processor.fuzz.Ast.PostInc;
import io.jawait.processor.fuzz.Ast.Return;
import io.jawait.processor.fuzz.Ast.Stmt;
import io.jawait.processor.fuzz.Ast.Switch;
import io.jawait.processor.fuzz.Ast.Throw;
import io.jawait.processor.fuzz.Ast.Try;
import io.jawait.processor.fuzz.Ast.Var;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Generates random method bodies from a grammar covering the lowering checklist's constructs:
 * nested loops with labels, switch with fallthrough, try/catch/finally with jumps, returns and
 * throws, awaits in every expression position (?: arms, && / || operands and switch
 * expression arms too), locals of several types, string concatenation
 * and arrays. Every generated body is valid Java: locals are initialized where declared, jumps
 * are conditional, and loop counters are never written by the body, so loops terminate.
 */
final class ProgramGenerator {
    private static final int MAX_DEPTH = 3;

    private final Random random;
    private final Deque<List<Var>> scopes = new ArrayDeque<>();
    private final Deque<String> loopLabels = new ArrayDeque<>();
    private final List<String> readOnly = new ArrayList<>();
    private int names;
    private int loopDepth;

    ProgramGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** @return a method body ending in an unconditional return */
    Block body() {
        scopes.push(new ArrayList<>());
        List<Stmt> stmts = new ArrayList<>(statements(0, 3 + random.nextInt(5)));
        stmts.add(new Return(null, intExpr(1)));
        scopes.pop();
        return new Block(stmts);
    }

    private List<Stmt> statements(int depth, int count) {
        List<Stmt> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(statement(depth));
        }
        return out;
    }

    private Block block(int depth, int count) {
        scopes.push(new ArrayList<>());
        Block b = new Block(statements(depth, count));
        scopes.pop();
        return b;
    }

    private Stmt statement(int depth) {
        int pick = random.nextInt(depth >= MAX_DEPTH ? 6 : 12);
        switch (pick) {
            case 0, 1:
                return declaration();
            case 2, 3:
                return assignment();
            case 4:
                return new Log("log" + random.nextInt(10), intExpr(2));
            case 5:
                if (loopDepth > 0 && random.nextBoolean()) {
                    return jump();
                }
                return random.nextBoolean() ? new Return(boolExpr(1), intExpr(1))
                        : new Throw(boolExpr(1), "thrown" + random.nextInt(10), intExpr(1));
            case 6, 7:
                return new If(boolExpr(2), block(depth + 1, 1 + random.nextInt(3)),
                        random.nextBoolean() ? block(depth + 1, 1 + random.nextInt(2)) : null);
            case 8, 9:
                return loop(depth);
            case 10:
                return switchStatement(depth);
            default:
                return tryStatement(depth);
        }
    }

    private Stmt declaration() {
        String name = "v" + (++names);
        int kind = random.nextInt(10);
        Decl d;
        if (kind < 6) {
            d = new Decl("int", name, intExpr(2));
            scope().add(new Var(name, "int"));
        } else if (kind == 6) {
            d = new Decl("long", name, intExpr(2));
            scope().add(new Var(name, "long"));
        } else if (kind == 7) {
            d = new Decl("double", name, intExpr(2));
            scope().add(new Var(name, "double"));
        } else if (kind == 8) {
            d = new Decl("String", name, intExpr(2));
            scope().add(new Var(name, "String"));
        } else {
            d = new Decl("int[]", name, new Ast.Call(List.of(intExpr(1), intExpr(1), intExpr(1))));
            scope().add(new Var(name, "int[]"));
        }
        return d;
    }

    private Stmt assignment() {
        List<Var> arrays = visible("int[]");
        if (!arrays.isEmpty() && random.nextInt(3) == 0) {
            Var a = pickFrom(arrays);
            return new Assign(a.name(), intExpr(1), random.nextBoolean() ? "=" : "+=", intExpr(2));
        }
        List<Var> targets = writable();
        if (targets.isEmpty()) {
            return declaration();
        }
        Var v = pickFrom(targets);
        String op = v.type().equals("String") ? "+=" : new String[] {"=", "+=", "-="}[random.nextInt(3)];
        return new Assign(v.name(), null, op, intExpr(2));
    }

    private Stmt jump() {
        String label = null;
        if (!loopLabels.isEmpty() && random.nextBoolean()) {
            List<String> labels = new ArrayList<>(loopLabels);
            labels.removeIf(String::isEmpty);
            if (!labels.isEmpty()) {
                label = pickFrom(labels);
            }
        }
        return new Jump(boolExpr(1), random.nextBoolean() ? "break" : "continue", label);
    }

    private Stmt loop(int depth) {
        String kind = new String[] {"for", "while", "do"}[random.nextInt(3)];
        String label = random.nextInt(3) == 0 ? "L" + (++names) : null;
        String counter = "i" + (++names);
        scopes.push(new ArrayList<>(List.of(new Var(counter, "int"))));
        readOnly.add(counter);
        loopLabels.push(label == null ? "" : label);
        loopDepth++;
        Block body = block(depth + 1, 1 + random.nextInt(3));
        loopDepth--;
        loopLabels.pop();
        readOnly.remove(counter);
        scopes.pop();
        return new Loop(kind, label, counter, random.nextInt(4), body);
    }

    private Stmt switchStatement(int depth) {
        List<Block> cases = new ArrayList<>();
        List<Boolean> breaks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cases.add(block(depth + 1, 1 + random.nextInt(2)));
            breaks.add(random.nextInt(3) != 0);
        }
        return new Switch(intExpr(2), cases, breaks);
    }

    private Stmt tryStatement(int depth) {
        Block body = block(depth + 1, 1 + random.nextInt(3));
        boolean withCatch = random.nextInt(3) != 0;
        Block handler = withCatch ? block(depth + 1, 1 + random.nextInt(2)) : null;
        Block cleanup = !withCatch || random.nextBoolean() ? block(depth + 1, 1 + random.nextInt(2)) : null;
        return new Try(body, handler, cleanup);
    }

    Expr intExpr(int budget) {
        int pick = random.nextInt(budget <= 0 ? 3 : 14);
        switch (pick) {
            case 0:
                return new Lit(random.nextInt(20) - 5);
            case 1, 2: {
                List<Var> vars = readable();
                return vars.isEmpty() ? new Lit(random.nextInt(10)) : pickFrom(vars);
            }
            case 3, 4, 5:
                return new Await(intExpr(budget - 1));
            case 6:
                return new Child(intExpr(budget - 1));
            case 7:
                return new Bin(new String[] {"+", "-", "*", "^", "&"}[random.nextInt(5)], intExpr(budget - 1), intExpr(budget - 1));
            case 8:
                return new Cond(boolExpr(budget - 1), intExpr(budget - 1), intExpr(budget - 1));
            case 9: {
                List<Expr> args = new ArrayList<>();
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    args.add(intExpr(budget - 1));
                }
                return new Call(args);
            }
            case 10: {
                List<Var> ints = writable();
                ints.removeIf(v -> !v.type().equals("int"));
                return ints.isEmpty() ? new Await(new Lit(random.nextInt(10))) : new PostInc(pickFrom(ints).name());
            }
            case 11: {
                List<Var> arrays = visible("int[]");
                return arrays.isEmpty() ? new Lit(3) : new ArrayRead(pickFrom(arrays).name(), intExpr(budget - 1));
            }
            case 13: {
                List<Expr> arms = new ArrayList<>();
                for (int i = 0, n = 2 + random.nextInt(2); i < n; i++) {
                    arms.add(intExpr(budget - 1));
                }
                return new SwitchExpr(intExpr(budget - 1), arms);
            }
            default: {
                List<Expr> parts = new ArrayList<>();
                for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                    parts.add(intExpr(budget - 1));
                }
                return new Concat(parts);
            }
        }
    }

    Expr boolExpr(int budget) {
        Expr cmp = new Cmp(new String[] {"<", ">", "==", "!="}[random.nextInt(4)], intExpr(budget), intExpr(budget));
        if (budget > 0 && random.nextInt(3) == 0) {
            Expr other = new Cmp(new String[] {"<", ">"}[random.nextInt(2)], intExpr(budget - 1), intExpr(budget - 1));
            return new AndOr(random.nextBoolean() ? "&&" : "||", cmp, other);
        }
        return cmp;
    }

    private List<Var> scope() {
        return scopes.peek();
    }

    private List<Var> visible(String type) {
        List<Var> out = new ArrayList<>();
        for (List<Var> s : scopes) {
            for (Var v : s) {
                if (v.type().equals(type)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** Variables an int expression can read (non-int numbers through a cast, Strings through length()). */
    private List<Var> readable() {
        List<Var> out = new ArrayList<>();
        for (List<Var> s : scopes) {
            for (Var v : s) {
                if (!v.type().equals("int[]")) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private List<Var> writable() {
        List<Var> out = readable();
        out.removeIf(v -> readOnly.contains(v.name()));
        return out;
    }

    private <T> T pickFrom(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
