package io.jawait.processor.lowering;

import com.sun.source.tree.Tree;

/** Java source symbols of the operators, for expressions rebuilt around awaits. */
final class Operators {
    private Operators() {
    }

    static String binary(Tree.Kind kind) {
        return switch (kind) {
            case PLUS, PLUS_ASSIGNMENT -> "+";
            case MINUS, MINUS_ASSIGNMENT -> "-";
            case MULTIPLY, MULTIPLY_ASSIGNMENT -> "*";
            case DIVIDE, DIVIDE_ASSIGNMENT -> "/";
            case REMAINDER, REMAINDER_ASSIGNMENT -> "%";
            case LEFT_SHIFT, LEFT_SHIFT_ASSIGNMENT -> "<<";
            case RIGHT_SHIFT, RIGHT_SHIFT_ASSIGNMENT -> ">>";
            case UNSIGNED_RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT_ASSIGNMENT -> ">>>";
            case AND, AND_ASSIGNMENT -> "&";
            case OR, OR_ASSIGNMENT -> "|";
            case XOR, XOR_ASSIGNMENT -> "^";
            case LESS_THAN -> "<";
            case GREATER_THAN -> ">";
            case LESS_THAN_EQUAL -> "<=";
            case GREATER_THAN_EQUAL -> ">=";
            case EQUAL_TO -> "==";
            case NOT_EQUAL_TO -> "!=";
            case CONDITIONAL_AND -> "&&";
            case CONDITIONAL_OR -> "||";
            default -> throw new IllegalArgumentException("not a binary operator: " + kind);
        };
    }

    static boolean isPrefix(Tree.Kind kind) {
        return kind == Tree.Kind.UNARY_MINUS || kind == Tree.Kind.UNARY_PLUS || kind == Tree.Kind.LOGICAL_COMPLEMENT
                || kind == Tree.Kind.BITWISE_COMPLEMENT;
    }

    static String unary(Tree.Kind kind) {
        return switch (kind) {
            case UNARY_MINUS -> "-";
            case UNARY_PLUS -> "+";
            case LOGICAL_COMPLEMENT -> "!";
            case BITWISE_COMPLEMENT -> "~";
            default -> throw new IllegalArgumentException("not a prefix operator: " + kind);
        };
    }
}
