package io.jawait.processor.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import javax.lang.model.element.Modifier;

/**
 * The static helpers enhanced for loops use: {@code iterate$} overloads (javac picks the one for
 * the iterable's static type: array, {@code Iterable} or {@code AsyncIterable}) returning a
 * {@code java.util.Iterator} or an {@code io.jawait.AsyncIterator}, and {@code next$}, which is
 * target-typed like {@code awaited()} so that no element type is written.
 */
final class IterationHelpers {
    private static final ClassName ITERATOR = ClassName.get("java.util", "Iterator");
    private static final ClassName ASYNC_ITERATOR = ClassName.get("io.jawait", "AsyncIterator");

    private IterationHelpers() {
    }

    static void addTo(TypeSpec.Builder type) {
        WildcardTypeName any = WildcardTypeName.subtypeOf(Object.class);
        overload(type, ParameterizedTypeName.get(ClassName.get(Iterable.class), any), "return items.iterator()");
        overload(type, ParameterizedTypeName.get(ClassName.get("io.jawait", "AsyncIterable"), any),
                "return items.asyncIterator()");
        overload(type, ArrayTypeName.of(Object.class), "return java.util.Arrays.asList(items).iterator()");
        for (TypeName primitive : new TypeName[] {TypeName.INT, TypeName.LONG, TypeName.DOUBLE, TypeName.BYTE,
                TypeName.SHORT, TypeName.CHAR, TypeName.FLOAT, TypeName.BOOLEAN}) {
            // Reads each element when it is reached, like Java's own loop over an array.
            overload(type, ArrayTypeName.of(primitive),
                    "return java.util.stream.IntStream.range(0, items.length).mapToObj(i -> items[i]).iterator()");
        }
        TypeVariableName t = TypeVariableName.get("T");
        type.addMethod(MethodSpec.methodBuilder("next$")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
                .addTypeVariable(t)
                .returns(t)
                .addParameter(Object.class, "iterator")
                .addStatement("return (T) (iterator instanceof $T ? (($T<?>) iterator).next() : (($T<?>) iterator).next())",
                        ITERATOR, ITERATOR, ASYNC_ITERATOR)
                .build());
    }

    private static void overload(TypeSpec.Builder type, TypeName parameter, String body) {
        type.addMethod(MethodSpec.methodBuilder("iterate$")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(Object.class)
                .addParameter(parameter, "items")
                .addStatement(body)
                .build());
    }
}
