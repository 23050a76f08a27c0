package io.jawait.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.concurrent.CompletionStage;
import javax.lang.model.element.Modifier;

/**
 * The helpers for an arm of {@code ?:} (or a right operand of {@code &&} / {@code ||}) whose value
 * needs awaits nested in a larger expression: the arm becomes an awaitable, {@code arm$(start$1 -> {
 * ...; return then$(a, value$1 -> { ...; return Coroutine.of(v); }); })}, so the whole conditional
 * is awaited like {@code await(c ? arm : Coroutine.of(b))}. Only the taken arm is ever created, and
 * it runs when awaited; javac infers every value type from the lambdas, so none is written. (The
 * arm's lambda takes an ignored parameter: javac caches explicitly typed lambda arguments by
 * source position, and synthesized trees share their statement's position.)
 */
final class ArmHelpers {
    private static final ClassName AWAITABLE = ClassName.get("io.jawait", "Awaitable");
    private static final ClassName ARM = ClassName.get("", "Arm$");
    private static final ClassName THEN = ClassName.get("", "Then$");

    private ArmHelpers() {
    }

    static void addTo(TypeSpec.Builder type) {
        TypeVariableName t = TypeVariableName.get("T");
        TypeVariableName r = TypeVariableName.get("R");
        TypeName next = ParameterizedTypeName.get(AWAITABLE, WildcardTypeName.subtypeOf(r));
        TypeName then = ParameterizedTypeName.get(THEN, WildcardTypeName.supertypeOf(t), r);
        type.addType(TypeSpec.interfaceBuilder("Then$")
                .addJavadoc("The rest of an arm after an await: the awaitable of the arm's value.\n")
                .addTypeVariables(java.util.List.of(t, r))
                .addMethod(MethodSpec.methodBuilder("apply").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                        .addParameter(t, "value").addException(Throwable.class).returns(next).build())
                .build());
        type.addType(TypeSpec.classBuilder("Arm$")
                .addJavadoc("Awaits {@code first} (if any), then the awaitable {@code rest} makes of its value.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
                .addTypeVariables(java.util.List.of(t, r))
                .superclass(ParameterizedTypeName.get(MachineRenderer.COROUTINE, r))
                .addField(Object.class, "first", Modifier.PRIVATE, Modifier.FINAL)
                .addField(then, "rest", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(Object.class, "first").addParameter(then, "rest")
                        .addStatement("this.first = first").addStatement("this.rest = rest").build())
                .addMethod(MethodSpec.methodBuilder("step")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PROTECTED)
                        .addException(Throwable.class)
                        .addCode(armStep(next))
                        .build())
                .build());
        type.addMethod(MethodSpec.methodBuilder("arm$")
                .addModifiers(Modifier.PRIVATE)
                .addTypeVariable(r)
                .returns(ParameterizedTypeName.get(ARM, ClassName.OBJECT, r))
                .addParameter(ParameterizedTypeName.get(THEN, ClassName.OBJECT, r), "body")
                .addStatement("return new Arm$$<>(null, body)")
                .build());
        for (TypeName awaited : new TypeName[] {
                ParameterizedTypeName.get(AWAITABLE, t), ParameterizedTypeName.get(ClassName.get(CompletionStage.class), t)}) {
            type.addMethod(MethodSpec.methodBuilder("then$")
                    .addModifiers(Modifier.PRIVATE)
                    .addTypeVariables(java.util.List.of(t, r))
                    .returns(ParameterizedTypeName.get(ARM, t, r))
                    .addParameter(awaited, "first")
                    .addParameter(then, "rest")
                    .addStatement("return new Arm$$<>(first, rest)")
                    .build());
        }
    }

    private static CodeBlock armStep(TypeName next) {
        return CodeBlock.builder()
                .beginControlFlow("switch (state)")
                .add("case 0:\n").indent()
                .addStatement("state = 1")
                .addStatement("if (first instanceof $T<?> stage ? awaits(stage) : first != null && awaits(($T<?>) first)) return",
                        CompletionStage.class, AWAITABLE)
                .unindent().add("case 1:\n").indent()
                .addStatement("$T next = rest.apply(first == null ? null : this.<T>awaited())", next)
                .addStatement("state = 2")
                .addStatement("if (awaits(next)) return")
                .unindent().add("case 2:\n").indent()
                .addStatement("complete(awaited())")
                .addStatement("return")
                .unindent().add("default:\n").indent()
                .addStatement("throw new $T($S + state)", IllegalStateException.class, "bad state ")
                .unindent()
                .endControlFlow()
                .build();
    }
}
