package io.jawait.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * A field of a machine: a parameter, a local that lives across an await, or a temporary of the
 * machine itself.
 *
 * @param name the field's name (the user's name for parameters and locals)
 * @param type its type; for a local declared with a type, a placeholder for a copy of that type tree
 */
public record MachineField(String name, TypeName type) {
}
