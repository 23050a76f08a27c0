package io.jawait.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose body may call {@code io.jawait.Asyncio.await(...)}.
 *
 * <p>The method must return {@code io.jawait.Coroutine<T>}. At compile time the jawait annotation
 * processor rewrites the body into a resumable state machine; call sites are unchanged and
 * calling the method returns a <em>cold</em> coroutine: nothing in the body runs until the
 * coroutine is awaited, wrapped in a task, or passed to {@code Asyncio.run}.
 *
 * <pre>{@code
 * @Async
 * Coroutine<String> greet(String name) {
 *     await(sleep(0.1));
 *     return Coroutine.of("hi " + name);
 * }
 * }</pre>
 *
 * <p>The processor ({@code io.jawait:jawait-processor}) must be on the compiler's
 * {@code annotationProcessorPaths}; see the project README for the Maven setup.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Async {
}
