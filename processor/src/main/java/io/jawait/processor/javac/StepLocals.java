package io.jawait.processor.javac;

import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCAssignOp;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCIdent;
import com.sun.tools.javac.tree.JCTree.JCLabeledStatement;
import com.sun.tools.javac.tree.JCTree.JCLambda;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCReturn;
import com.sun.tools.javac.tree.JCTree.JCStatement;
import com.sun.tools.javac.tree.JCTree.JCUnary;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.TreeCopier;
import com.sun.tools.javac.tree.TreeMaker;
import com.sun.tools.javac.tree.TreeScanner;
import com.sun.tools.javac.tree.TreeTranslator;
import com.sun.tools.javac.util.ListBuffer;
import com.sun.tools.javac.util.Name;
import com.sun.tools.javac.util.Names;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the machine's fields in locals of {@code step()} while it runs. A field is read and
 * written through memory on every use, and the JIT cannot keep it in a register across a loop
 * that goes back through {@code switch (state)}; a local it can. So {@code step()} starts with
 * {@code long sum = this.sum;} for each field it uses, its {@code return}s become
 * {@code break exit$;}, and after that one exit the fields it assigns are written back
 * ({@code this.sum = sum;}). A local of the field's own name shadows the field, so no use inside
 * the body changes. An exception out of {@code step()} fails the machine for good: nothing
 * reads its fields after that, so that exit writes nothing back.
 *
 * <p>A field stays a field when a local of the same name could not stand in for it: its name is
 * declared anywhere in the body (a local, a lambda parameter, a pattern binding), used inside a
 * lambda or a class body (a captured local must be effectively final), written as
 * {@code this.name}, or used by another instance method of the machine.
 */
final class StepLocals {
    private static final String EXIT = "exit$";

    private final TreeMaker make;
    private final Names names;

    StepLocals(TreeMaker make, Names names) {
        this.make = make;
        this.names = names;
    }

    /** Rewrites the machine's {@code step()} in place (nothing when no field qualifies). */
    void apply(JCClassDecl machine) {
        JCMethodDecl step = null;
        Map<Name, JCVariableDecl> fields = new LinkedHashMap<>();
        Set<Name> usedElsewhere = new HashSet<>();
        for (JCTree def : machine.defs) {
            if (def instanceof JCVariableDecl field && (field.mods.flags & (Flags.STATIC | Flags.FINAL)) == 0) {
                fields.put(field.name, field);
            } else if (def instanceof JCMethodDecl method && method.name.contentEquals("step")
                    && method.params.isEmpty()) {
                step = method;
            } else if (def instanceof JCMethodDecl method && !method.name.contentEquals("<init>")
                    && (method.mods.flags & Flags.STATIC) == 0) {
                usedElsewhere.addAll(Uses.of(method).all);
            }
        }
        if (step == null || step.body == null) {
            return;
        }
        Uses uses = Uses.of(step.body);
        if (uses.labels.contains(EXIT) || uses.returns == 0) {
            return;
        }
        int pos = step.pos; // the copier moves make's position: every node below sets it back
        TreeCopier<Void> copier = new TreeCopier<>(make);
        ListBuffer<JCStatement> prologue = new ListBuffer<>();
        ListBuffer<JCStatement> epilogue = new ListBuffer<>();
        for (JCVariableDecl field : fields.values()) {
            Name n = field.name;
            if (!uses.free.contains(n) || uses.declared.contains(n) || uses.captured.contains(n)
                    || uses.selectedFromThis.contains(n) || usedElsewhere.contains(n)) {
                continue;
            }
            JCExpression type = copier.copy(field.vartype);
            prologue.append(make.at(pos).VarDef(make.Modifiers(0), n, type, thisDot(n)));
            if (uses.assigned.contains(n)) {
                epilogue.append(make.at(pos).Exec(make.Assign(thisDot(n), make.Ident(n))));
            }
        }
        if (prologue.isEmpty()) {
            return;
        }
        Name exit = names.fromString(EXIT);
        new ReturnsToBreaks(make, exit).translate(step.body);
        JCLabeledStatement running = make.at(pos).Labelled(exit, make.Block(0, step.body.stats));
        step.body.stats = prologue.append(running).appendList(epilogue).toList();
    }

    private JCFieldAccess thisDot(Name field) {
        return make.Select(make.Ident(names._this), field);
    }

    /** What the body does with names, outside lambdas and class bodies unless said otherwise. */
    private static final class Uses extends TreeScanner {
        final Set<Name> free = new HashSet<>();
        /** Every name used, as an identifier or as {@code this.name}. */
        final Set<Name> all = new HashSet<>();
        final Set<Name> declared = new HashSet<>();
        final Set<Name> captured = new HashSet<>();
        final Set<Name> assigned = new HashSet<>();
        final Set<Name> selectedFromThis = new HashSet<>();
        final Set<String> labels = new HashSet<>();
        int returns;
        private int nested;

        static Uses of(JCTree tree) {
            Uses uses = new Uses();
            uses.scan(tree);
            return uses;
        }

        @Override
        public void visitIdent(JCIdent id) {
            all.add(id.name);
            (nested > 0 ? captured : free).add(id.name);
        }

        @Override
        public void visitVarDef(JCVariableDecl v) {
            declared.add(v.name);
            super.visitVarDef(v);
        }

        @Override
        public void visitSelect(JCFieldAccess select) {
            if (select.selected instanceof JCIdent id && id.name.contentEquals("this")) {
                selectedFromThis.add(select.name);
                all.add(select.name);
            }
            super.visitSelect(select);
        }

        @Override
        public void visitLambda(JCLambda lambda) {
            nested++;
            super.visitLambda(lambda);
            nested--;
        }

        @Override
        public void visitClassDef(JCClassDecl c) {
            nested++;
            super.visitClassDef(c);
            nested--;
        }

        @Override
        public void visitReturn(JCReturn r) {
            returns += nested == 0 ? 1 : 0;
            super.visitReturn(r);
        }

        @Override
        public void visitLabelled(JCLabeledStatement l) {
            labels.add(l.label.toString());
            super.visitLabelled(l);
        }

        @Override
        public void visitAssign(JCAssign a) {
            assignedIdent(a.lhs);
            super.visitAssign(a);
        }

        @Override
        public void visitAssignop(JCAssignOp a) {
            assignedIdent(a.lhs);
            super.visitAssignop(a);
        }

        @Override
        public void visitUnary(JCUnary u) {
            switch (u.getTag()) {
                case PREINC, PREDEC, POSTINC, POSTDEC -> assignedIdent(u.arg);
                default -> { }
            }
            super.visitUnary(u);
        }

        private void assignedIdent(JCTree target) {
            if (target instanceof JCIdent id) {
                assigned.add(id.name);
            }
        }
    }

    /** The body's own {@code return}s (not those of lambdas or class bodies) become one exit. */
    private static final class ReturnsToBreaks extends TreeTranslator {
        private final TreeMaker make;
        private final Name exit;

        ReturnsToBreaks(TreeMaker make, Name exit) {
            this.make = make;
            this.exit = exit;
        }

        @Override
        public void visitReturn(JCReturn r) {
            result = make.at(r.pos).Break(exit);
        }

        @Override
        public void visitLambda(JCLambda lambda) {
            result = lambda;
        }

        @Override
        public void visitClassDef(JCClassDecl c) {
            result = c;
        }
    }
}
