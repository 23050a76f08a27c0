package io.jawait.processor.javac;

import com.sun.source.tree.LineMap;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCCase;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCLiteral;
import com.sun.tools.javac.tree.TreeScanner;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spliced machine as readable source ({@code -Ajawait.dump=true}): javac's printer, with a
 * comment after each {@code case N:} of the state switch naming the user's source line its code
 * comes from (positions of synthesized code are the user statement's, see {@link PositionAnchors}).
 */
final class DumpText {
    private static final Pattern CASE = Pattern.compile("(?m)^(\\s*case (\\d+):)$");

    private DumpText() {
    }

    static String of(JCClassDecl machine, LineMap lines) {
        Map<String, Long> lineOfState = new HashMap<>();
        new TreeScanner() {
            @Override
            public void visitCase(JCCase c) {
                JCTree first = c.stats.isEmpty() ? null : c.stats.head;
                if (first instanceof JCBlock block && block.stats.nonEmpty()) {
                    first = block.stats.head;   // a state with locals is a block
                }
                Object label = firstLabel(c);
                if (first != null && first.pos >= 0 && label != null) {
                    lineOfState.putIfAbsent(label.toString(), lines.getLineNumber(first.pos));
                }
                super.visitCase(c);
            }
        }.scan(machine);
        // javac prints a var declaration without its (inferred) type.
        Matcher m = CASE.matcher(machine.toString().replace("/*missing*/", "var"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Long line = lineOfState.get(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + (line == null ? "" : " // line " + line)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Object firstLabel(JCCase c) {
        Object[] found = {null};
        new TreeScanner() {
            @Override
            public void visitLiteral(JCLiteral literal) {
                if (found[0] == null) {
                    found[0] = literal.value;
                }
            }
        }.scan(c.labels);
        return found[0];
    }
}
