package io.jawait.processor.javac;

import com.sun.tools.javac.parser.JavacParser;
import com.sun.tools.javac.parser.ParserFactory;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCStatement;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Log;

/**
 * Parses generated text with javac's own parser. A syntax error in generated text is a processor
 * bug: it fails loudly instead of letting javac report it against the user's file.
 */
final class MachineParser {
    private final ParserFactory parsers;
    private final Log log;

    MachineParser(Context context) {
        this.parsers = ParserFactory.instance(context);
        this.log = Log.instance(context);
    }

    /** @return the single class declared in {@code wrapperText} ({@code class W { <machine> }}) */
    JCClassDecl memberClass(String wrapperText) {
        int errors = log.nerrors;
        JCCompilationUnit unit = parser(wrapperText).parseCompilationUnit();
        check(errors, wrapperText);
        return (JCClassDecl) ((JCClassDecl) unit.defs.head).defs.head;
    }

    JCStatement statement(String text) {
        int errors = log.nerrors;
        JCStatement parsed = parser(text).parseStatement();
        check(errors, text);
        return parsed;
    }

    JCExpression expression(String text) {
        int errors = log.nerrors;
        JCExpression parsed = parser(text).parseExpression();
        check(errors, text);
        return parsed;
    }

    private JavacParser parser(String text) {
        return parsers.newParser(text, false, false, false);
    }

    private void check(int errorsBefore, String text) {
        if (log.nerrors != errorsBefore) {
            throw new IllegalStateException("jawait generated code that does not parse:\n" + text);
        }
    }
}
