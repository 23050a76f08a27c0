package io.jawait.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import javax.lang.model.element.Modifier;

/**
 * The static helpers try-with-resources uses: {@code close$} and {@code closeFailed$} overloads
 * for {@code io.jawait.AsyncCloseable} (awaited {@code closeAsync}) and plain
 * {@code AutoCloseable} (Java's own rules: a close failure after a body failure is suppressed).
 * javac picks the overload from the resource's static type.
 */
final class ResourceHelpers {
    private static final ClassName ASYNC_CLOSEABLE = ClassName.get("io.jawait", "AsyncCloseable");
    private static final ClassName COROUTINE = ClassName.get("io.jawait", "Coroutine");
    private static final ParameterizedTypeName AWAITABLE =
            ParameterizedTypeName.get(ClassName.get("io.jawait", "Awaitable"), WildcardTypeName.subtypeOf(Object.class));

    private ResourceHelpers() {
    }

    static void addTo(TypeSpec.Builder type) {
        type.addMethod(helper("close$").addParameter(ASYNC_CLOSEABLE, "resource")
                .addStatement("return resource.closeAsync()").build());
        type.addMethod(helper("close$").addParameter(AutoCloseable.class, "resource")
                .addException(Exception.class)
                .addStatement("resource.close()")
                .addStatement("return $T.of(null)", COROUTINE).build());
        type.addMethod(helper("closeFailed$").addParameter(ASYNC_CLOSEABLE, "resource")
                .addParameter(Throwable.class, "failure")
                .addStatement("return resource.closeAsync(failure)").build());
        type.addMethod(helper("closeFailed$").addParameter(AutoCloseable.class, "resource")
                .addParameter(Throwable.class, "failure")
                .beginControlFlow("try")
                .addStatement("resource.close()")
                .nextControlFlow("catch ($T closeFailure)", Throwable.class)
                .addStatement("failure.addSuppressed(closeFailure)")
                .endControlFlow()
                .addStatement("return $T.failed(failure)", COROUTINE).build());
    }

    private static MethodSpec.Builder helper(String name) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(AWAITABLE);
    }
}
