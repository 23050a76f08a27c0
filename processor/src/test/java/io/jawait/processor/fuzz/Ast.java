package io.jawait.processor.fuzz;

import java.util.List;

/**
 * The fuzzer's own small syntax tree of a generated method body. Printed twice by
 * {@link ProgramPrinter}: as an {@code @Async} method with awaits, and as a synchronous twin.
 */
final class Ast {
    private Ast() {
    }

    /** Statements. */
    sealed interface Stmt permits Block, Decl, Assign, Log, If, Loop, Switch, Try, Jump, Return, Throw {
    }

    /** Expressions; every expression here has type int, except {@link Cmp}/{@link AndOr} (boolean). */
    sealed interface Expr permits Lit, Var, Await, Child, Bin, Cond, Cmp, AndOr, Call, PostInc, ArrayRead, Concat, SwitchExpr {
    }

    record Block(List<Stmt> stmts) implements Stmt {
    }

    /** {@code type name = init;} where type is one of int, long, double, String, int[]. */
    record Decl(String type, String name, Expr init) implements Stmt {
    }

    /** {@code target op value;} where target is a variable or {@code arr[index]} and op is =, += or -=. */
    record Assign(String target, Expr index, String op, Expr value) implements Stmt {
    }

    /** {@code env.log("tag", value);} */
    record Log(String tag, Expr value) implements Stmt {
    }

    record If(Expr cond, Block then, Block otherwise) implements Stmt {
    }

    /** A counted loop. kind: for, while or do; {@code label} may be null. */
    record Loop(String kind, String label, String counter, int bound, Block body) implements Stmt {
    }

    /** A classic switch on {@code floorMod(selector, 3)} with cases 0, 1 and default; fallthrough when a case has no break. */
    record Switch(Expr selector, List<Block> cases, List<Boolean> breaks) implements Stmt {
    }

    /** try { body } catch (FuzzException e) { handler } finally { cleanup }; handler or cleanup may be null. */
    record Try(Block body, Block handler, Block cleanup) implements Stmt {
    }

    /** {@code if (cond) break|continue [label];} */
    record Jump(Expr cond, String kind, String label) implements Stmt {
    }

    /** {@code if (cond) return value;} or an unconditional return when cond is null. */
    record Return(Expr cond, Expr value) implements Stmt {
    }

    /** {@code if (cond) throw new FuzzException("msg" + value);} */
    record Throw(Expr cond, String message, Expr value) implements Stmt {
    }

    record Lit(int value) implements Expr {
    }

    /** A variable of type int (or an int read of a long/double variable through a cast). */
    record Var(String name, String type) implements Expr {
    }

    /** {@code await(env.v(inner))}; the twin reads {@code env.sv(inner)}. */
    record Await(Expr inner) implements Expr {
    }

    /** {@code await(child(env, inner))}: a nested @Async call; the twin calls childSync. */
    record Child(Expr inner) implements Expr {
    }

    /** {@code (l op r)} for op in + - * ^ &. */
    record Bin(String op, Expr left, Expr right) implements Expr {
    }

    record Cond(Expr cond, Expr then, Expr otherwise) implements Expr {
    }

    /** {@code switch (floorMod(selector, n)) { case 0 -> arm0; ... default -> armN; }}: int. */
    record SwitchExpr(Expr selector, List<Expr> arms) implements Expr {
    }

    /** {@code (l op r)} for op in < > == != : boolean. */
    record Cmp(String op, Expr left, Expr right) implements Expr {
    }

    /** {@code (l && r)} or {@code (l || r)} over Cmp operands: boolean. */
    record AndOr(String op, Expr left, Expr right) implements Expr {
    }

    /** {@code env.f(args...)}: logs its arguments in order, returns a mix of them. */
    record Call(List<Expr> args) implements Expr {
    }

    /** {@code name++} on an int variable. */
    record PostInc(String name) implements Expr {
    }

    /** {@code arr[floorMod(index, arr.length)]}. */
    record ArrayRead(String array, Expr index) implements Expr {
    }

    /** {@code ("s" + a + b).length()}: string concatenation whose operands may await. */
    record Concat(List<Expr> parts) implements Expr {
    }
}
