package io.jawait.processor.model;

import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;

/**
 * Everything needed to render one method's state machine class.
 *
 * @param className the nested class's simple name, e.g. {@code greet$Machine}
 * @param isStatic whether it is a static nested class (static methods) or an inner class
 * @param inInterface whether it is nested in an interface (implicitly public and static)
 * @param typeVariables the method's type parameters, redeclared on the class
 * @param resultType {@code T} of the method's {@code Coroutine<T>}
 * @param parameters the method's parameters, passed to the constructor and kept as fields
 * @param fields hoisted locals and the machine's own temporaries
 * @param states the cases of {@code step()}, in order
 * @param labeledDispatch whether user code inside a case jumps with {@code continue dispatch}
 * @param defaultBefore index of the state before which {@code default} goes (states after it are
 *     only entered by jumps), or -1 for the end
 * @param usesHandler whether there are try regions (a {@code handler} field and a catch-all)
 * @param usesIteration whether enhanced for loops need the {@code iterate$} and {@code next$} helpers
 * @param usesResources whether try-with-resources needs the {@code close$} helpers
 * @param memberTypes placeholder names of the local types moved into the machine as its members
 */
public record MachinePlan(
        String className,
        boolean isStatic,
        boolean inInterface,
        List<TypeVariableName> typeVariables,
        TypeName resultType,
        List<MachineField> parameters,
        List<MachineField> fields,
        List<State> states,
        boolean labeledDispatch,
        int defaultBefore,
        boolean usesHandler,
        boolean usesIteration,
        boolean usesResources,
        List<String> memberTypes) {
}
