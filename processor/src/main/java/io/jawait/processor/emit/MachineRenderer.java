package io.jawait.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.jawait.processor.model.MachineField;
import io.jawait.processor.model.MachinePlan;
import io.jawait.processor.model.State;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Renders a {@link MachinePlan} as Java source with JavaPoet: a class extending
 * {@code io.jawait.Coroutine<T>} whose {@code step()} is one {@code for (;;) switch (state)}.
 * Names are fully qualified (no imports): the text is parsed inside the user's class.
 */
public final class MachineRenderer {
    /** The runtime's machine base class, referred to by name only (no runtime dependency). */
    public static final ClassName COROUTINE = ClassName.get("io.jawait", "Coroutine");

    private MachineRenderer() {
    }

    /**
     * @param plan the machine
     * @return the class declaration's source text
     */
    public static String render(MachinePlan plan) {
        TypeSpec.Builder type = TypeSpec.classBuilder(plan.className())
                .addModifiers(Modifier.FINAL)
                .addTypeVariables(plan.typeVariables())
                .superclass(ParameterizedTypeName.get(COROUTINE, plan.resultType().box()));
        if (!plan.inInterface()) {
            type.addModifiers(Modifier.PRIVATE);   // members of interfaces cannot be private
        }
        if (plan.isStatic()) {
            type.addModifiers(Modifier.STATIC);
        }
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (MachineField p : plan.parameters()) {
            type.addField(p.type(), p.name(), Modifier.PRIVATE);
            constructor.addParameter(p.type(), p.name()).addStatement("this.$N = $N", p.name(), p.name());
        }
        for (MachineField f : plan.fields()) {
            type.addField(f.type(), f.name(), Modifier.PRIVATE);
        }
        type.addMethod(constructor.build());
        for (String placeholder : plan.memberTypes()) {
            // Stands for the user's declaration; static in a static method's machine, which has
            // no method object to enclose (records, enums and interfaces are static anyway).
            TypeSpec.Builder member = TypeSpec.classBuilder(placeholder);
            if (plan.isStatic()) {
                member.addModifiers(Modifier.STATIC);
            }
            type.addType(member.build());
        }
        if (plan.usesIteration()) {
            IterationHelpers.addTo(type);
        }
        if (plan.usesResources()) {
            ResourceHelpers.addTo(type);
        }
        type.addMethod(MethodSpec.methodBuilder("step")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .addException(Throwable.class)
                .addCode(dispatch(plan))
                .build());
        return type.build().toString();
    }

    private static CodeBlock dispatch(MachinePlan plan) {
        CodeBlock.Builder code = CodeBlock.builder();
        code.add(plan.labeledDispatch() ? "dispatch:\n" : "");
        code.beginControlFlow("for (;;)");
        if (plan.usesHandler()) {
            code.beginControlFlow("try");
        }
        code.beginControlFlow("switch (state)");
        List<State> states = plan.states();
        for (int i = 0; i < states.size(); i++) {
            if (i == plan.defaultBefore()) {
                badState(code);
            }
            caseOf(code, states.get(i));
        }
        if (plan.defaultBefore() < 0 || plan.defaultBefore() >= states.size()) {
            badState(code);
        }
        code.endControlFlow();
        if (plan.usesHandler()) {
            // An exception goes to the innermost try region's handler state, or fails the machine.
            code.nextControlFlow("catch ($T failure)", Throwable.class);
            code.addStatement("if (handler$$ == 0) throw failure");
            code.addStatement("failure$$ = failure");
            code.addStatement("state = handler$$");
            code.endControlFlow();
        }
        code.endControlFlow();
        return code.build();
    }

    private static void caseOf(CodeBlock.Builder code, State state) {
        String comment = state.comment().replace('\\', '/');
        code.add("case $L: // $L\n", state.label(), comment).indent();
        if (state.scoped()) {
            code.add("{\n").indent().add(state.code()).unindent().add("}\n");
        } else {
            code.add(state.code());
        }
        code.unindent();
    }

    private static void badState(CodeBlock.Builder code) {
        code.add("default:\n").indent()
                .addStatement("throw new $T($S + state)", IllegalStateException.class, "bad state ")
                .unindent();
    }
}
