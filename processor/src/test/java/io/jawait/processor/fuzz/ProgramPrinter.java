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
import java.util.stream.Collectors;

/**
 * Prints a generated body as Java: {@code async} prints awaits and {@code Coroutine.of} returns;
 * the synchronous twin prints {@code env.sv(x)} where the async version awaits {@code env.v(x)}.
 */
final class ProgramPrinter {
    static final String PACKAGE = "fuzz";

    private final boolean async;
    private final StringBuilder out = new StringBuilder();
    private int indent;
    private int catches;

    private ProgramPrinter(boolean async) {
        this.async = async;
    }

    /** A whole compilation unit: the @Async method, its child, and both synchronous twins. */
    static String compilationUnit(String className, Block body) {
        ProgramPrinter a = new ProgramPrinter(true);
        a.indent = 2;
        a.blockBody(body);
        ProgramPrinter s = new ProgramPrinter(false);
        s.indent = 2;
        s.blockBody(body);
        return "package " + PACKAGE + ";\n\n"
                + "import static io.jawait.Asyncio.await;\n\n"
                + "import io.jawait.Coroutine;\n"
                + "import io.jawait.annotation.Async;\n"
                + "import io.jawait.processor.fuzz.FuzzEnv;\n"
                + "import io.jawait.processor.fuzz.FuzzException;\n\n"
                + "@SuppressWarnings(\"all\")\n"
                + "public final class " + className + " {\n"
                + "    @Async\n"
                + "    public static Coroutine<Integer> run(FuzzEnv env) {\n"
                + a.out
                + "    }\n\n"
                + "    public static int runSync(FuzzEnv env) {\n"
                + s.out
                + "    }\n\n"
                + "    @Async\n"
                + "    static Coroutine<Integer> child(FuzzEnv env, int x) {\n"
                + "        int y = await(env.v(x + 1));\n"
                + "        env.log(\"child\", y);\n"
                + "        return Coroutine.of(y * 2);\n"
                + "    }\n\n"
                + "    static Integer childSync(FuzzEnv env, int x) {\n"
                + "        int y = env.sv(x + 1);\n"
                + "        env.log(\"child\", y);\n"
                + "        return y * 2;\n"
                + "    }\n"
                + "}\n";
    }

    private void line(String text) {
        out.append("    ".repeat(indent)).append(text).append('\n');
    }

    private void blockBody(Block b) {
        for (Stmt s : b.stmts()) {
            stmt(s);
        }
    }

    private void nested(String opener, Block b, String closer) {
        line(opener);
        indent++;
        blockBody(b);
        indent--;
        line(closer);
    }

    private void stmt(Stmt s) {
        if (s instanceof Block b) {
            nested("{", b, "}");
        } else if (s instanceof Decl d) {
            line(declaration(d));
        } else if (s instanceof Assign a) {
            String target = a.index() == null ? a.target()
                    : a.target() + "[Math.floorMod(" + expr(a.index()) + ", " + a.target() + ".length)]";
            line(target + " " + a.op() + " " + expr(a.value()) + ";");
        } else if (s instanceof Log l) {
            line("env.log(\"" + l.tag() + "\", " + expr(l.value()) + ");");
        } else if (s instanceof If i) {
            nested("if (" + expr(i.cond()) + ") {", i.then(), i.otherwise() == null ? "}" : "} else {");
            if (i.otherwise() != null) {
                indent++;
                blockBody(i.otherwise());
                indent--;
                line("}");
            }
        } else if (s instanceof Loop l) {
            loop(l);
        } else if (s instanceof Switch sw) {
            line("switch (Math.floorMod(" + expr(sw.selector()) + ", 3)) {");
            for (int i = 0; i < sw.cases().size(); i++) {
                nested((i == 2 ? "default" : "case " + i) + ": {", sw.cases().get(i), "}");
                if (sw.breaks().get(i)) {
                    line("    break;");
                }
            }
            line("}");
        } else if (s instanceof Try t) {
            nested("try {", t.body(), "}");
            if (t.handler() != null) {
                nested("catch (FuzzException e" + (++catches) + ") {", t.handler(), "}");
            }
            if (t.cleanup() != null) {
                nested("finally {", t.cleanup(), "}");
            }
        } else if (s instanceof Jump j) {
            line("if (" + expr(j.cond()) + ") " + j.kind() + (j.label() == null ? "" : " " + j.label()) + ";");
        } else if (s instanceof Return r) {
            String value = async ? "Coroutine.of(" + expr(r.value()) + ")" : expr(r.value());
            line((r.cond() == null ? "" : "if (" + expr(r.cond()) + ") ") + "return " + value + ";");
        } else if (s instanceof Throw t) {
            line("if (" + expr(t.cond()) + ") throw new FuzzException(\"" + t.message() + "\" + " + expr(t.value()) + ");");
        }
    }

    private String declaration(Decl d) {
        switch (d.type()) {
            case "String":
                return "String " + d.name() + " = \"s\" + " + expr(d.init()) + ";";
            case "int[]":
                return "int[] " + d.name() + " = new int[] {" + ((Call) d.init()).args().stream().map(this::expr)
                        .collect(Collectors.joining(", ")) + "};";
            default:
                return d.type() + " " + d.name() + " = " + expr(d.init()) + ";";
        }
    }

    private void loop(Loop l) {
        String label = l.label() == null ? "" : l.label() + ": ";
        String c = l.counter();
        switch (l.kind()) {
            case "for":
                nested(label + "for (int " + c + " = 0; " + c + " < " + l.bound() + "; " + c + "++) {", l.body(), "}");
                break;
            case "while":
                line("{");
                indent++;
                line("int " + c + " = 0;");
                line(label + "while (" + c + " < " + l.bound() + ") {");
                indent++;
                line(c + "++;");
                blockBody(l.body());
                indent--;
                line("}");
                indent--;
                line("}");
                break;
            default:
                line("{");
                indent++;
                line("int " + c + " = 0;");
                line(label + "do {");
                indent++;
                line(c + "++;");
                blockBody(l.body());
                indent--;
                line("} while (" + c + " < " + l.bound() + ");");
                indent--;
                line("}");
        }
    }

    private String expr(Expr e) {
        if (e instanceof Lit l) {
            return l.value() < 0 ? "(" + l.value() + ")" : Integer.toString(l.value());
        } else if (e instanceof Var v) {
            return switch (v.type()) {
                case "int" -> v.name();
                case "String" -> v.name() + ".length()";
                default -> "(int) " + v.name();
            };
        } else if (e instanceof Await a) {
            return async ? "await(env.v(" + expr(a.inner()) + "))" : "env.sv(" + expr(a.inner()) + ")";
        } else if (e instanceof Child c) {
            return async ? "await(child(env, " + expr(c.inner()) + "))" : "childSync(env, " + expr(c.inner()) + ")";
        } else if (e instanceof Bin b) {
            return "(" + expr(b.left()) + " " + b.op() + " " + expr(b.right()) + ")";
        } else if (e instanceof Cond c) {
            return "(" + expr(c.cond()) + " ? " + expr(c.then()) + " : " + expr(c.otherwise()) + ")";
        } else if (e instanceof SwitchExpr s) {
            StringBuilder text = new StringBuilder("switch (Math.floorMod(" + expr(s.selector()) + ", " + s.arms().size() + ")) {");
            for (int i = 0; i < s.arms().size(); i++) {
                text.append(i == s.arms().size() - 1 ? " default -> " : " case " + i + " -> ").append(expr(s.arms().get(i))).append(';');
            }
            return text.append(" }").toString();
        } else if (e instanceof Cmp c) {
            return "(" + expr(c.left()) + " " + c.op() + " " + expr(c.right()) + ")";
        } else if (e instanceof AndOr a) {
            return "(" + expr(a.left()) + " " + a.op() + " " + expr(a.right()) + ")";
        } else if (e instanceof Call c) {
            return "env.f(" + c.args().stream().map(this::expr).collect(Collectors.joining(", ")) + ")";
        } else if (e instanceof PostInc p) {
            return p.name() + "++";
        } else if (e instanceof ArrayRead a) {
            return a.array() + "[Math.floorMod(" + expr(a.index()) + ", " + a.array() + ".length)]";
        } else if (e instanceof Concat c) {
            return "(\"s\" + " + c.parts().stream().map(this::expr).collect(Collectors.joining(" + ")) + ").length()";
        }
        throw new IllegalArgumentException("unknown expression " + e);
    }
}
