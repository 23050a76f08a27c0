package io.jawait.processor.lowering;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.jawait.processor.analysis.LocalReferences;
import io.jawait.processor.analysis.LocalTypes;
import io.jawait.processor.emit.MachineRenderer;
import io.jawait.processor.model.MachineField;
import io.jawait.processor.model.MachinePlan;
import io.jawait.processor.model.MachineSource;
import io.jawait.processor.model.State;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Compiles one {@code @Async} method into its machine: lowers the body, decides which locals
 * become fields and their types, registers the renames, and renders the machine text.
 */
public final class MethodLowering {
    /** The field of a default method's machine holding the interface instance. */
    static final String SELF = "self";

    private final Trees trees;
    private final Elements elements;
    private final javax.lang.model.util.Types types;
    private final LocalTypes localTypes;

    /**
     * @param trees the tree API
     * @param elements the element utilities (members of the method's own type)
     * @param types the type utilities (multi-catch parameters' bounds)
     */
    public MethodLowering(Trees trees, Elements elements, javax.lang.model.util.Types types) {
        this.trees = trees;
        this.elements = elements;
        this.types = types;
        this.localTypes = new LocalTypes(trees);
    }

    /**
     * @param method the {@code @Async} member method (validated by the misuse checker)
     * @param className the machine's simple name
     * @return the rendered machine with its user trees
     * @throws UnsupportedConstructException for a construct not compiled yet
     * @throws LocalTypeException for a hoisted local whose type cannot be written
     */
    public MachineSource lower(ExecutableElement method, String className) {
        return lower(new MethodSubject.Member(method, trees.getPath(method), elements), className);
    }

    /**
     * @param methodPath an {@code @Async} method of a local class (validated by the misuse checker)
     * @param className the machine's simple name
     * @return the rendered machine with its user trees
     * @throws UnsupportedConstructException for a construct not compiled yet
     * @throws LocalTypeException for a hoisted local whose type cannot be written
     */
    public MachineSource lowerLocalClassMethod(TreePath methodPath, String className) {
        return lower(new MethodSubject.LocalClassMember(methodPath), className);
    }

    private MachineSource lower(MethodSubject method, String className) {
        TreePath path = method.path();
        MethodTree tree = (MethodTree) path.getLeaf();
        boolean inInterface = method.inInterface();
        // A default method's machine is a static nested class (interfaces have no inner classes)
        // holding the interface instance in `self`.
        boolean hasSelf = inInterface && !method.isStatic();
        LocalReferences references = LocalReferences.of(path);
        var synchronous = new io.jawait.processor.analysis.SynchronousConstructs(trees, elements, types, references, path);
        BodyLowering body = new BodyLowering(new SourceInfo(trees, path.getCompilationUnit()), references,
                synchronous::isSynchronous);
        List<State> states = body.lower(tree.getBody());

        java.util.function.Function<Tree, String> copy = body.placeholders::expr;
        TypeName result = method.result(copy);
        List<MachineField> parameters = new ArrayList<>();
        List<String> arguments = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        if (hasSelf) {
            parameters.add(new MachineField(SELF, method.ownerType()));
            arguments.add("this");
            taken.add(SELF);
        }
        List<MachineField> declared = method.parameters(copy);
        declared.forEach(p -> taken.add(p.name()));
        // A parameter named like a field every machine has keeps its value in a field of another name.
        Map<VariableTree, String> renamedParameters = new IdentityHashMap<>();
        for (int i = 0; i < declared.size(); i++) {
            MachineField p = declared.get(i);
            arguments.add(p.name());
            if (p.name().equals("state") || hasSelf && p.name().equals(SELF)) {
                String field = p.name() + "$param";
                while (taken.contains(field)) {
                    field += "$";
                }
                taken.add(field);
                renamedParameters.put(tree.getParameters().get(i), field);
                p = new MachineField(field, p.type());
            }
            parameters.add(p);
        }
        taken.add(ReturnLowering.TAIL_FIELD);
        taken.add("state");
        List<MachineField> fields = new ArrayList<>();
        for (VariableTree v : body.hoisting.nameFields(taken, tree.getBody())) {
            TreePath inScope = references.firstReference(v);
            if (inScope == null && body.scopeHints.containsKey(v)) {
                inScope = TreePath.getPath(path.getCompilationUnit(), body.scopeHints.get(v));
            }
            TypeName type = fieldType(v, inScope, body);
            if (type.isPrimitive() || (v.getType() != null && v.getType().getKind() == Tree.Kind.PRIMITIVE_TYPE)) {
                body.hoisting.markPrimitive(v);
            }
            fields.add(new MachineField(body.hoisting.fieldName(v), type));
        }
        if (body.usesTail()) {
            fields.add(new MachineField(ReturnLowering.TAIL_FIELD, ParameterizedTypeName.get(MachineRenderer.COROUTINE, result.box())));
        }
        if (body.usesResult()) {
            fields.add(new MachineField(ReturnLowering.RESULT_FIELD, ClassName.OBJECT));
        }
        for (int i = 1; i <= body.iterators(); i++) {
            fields.add(new MachineField("iterator$" + i, ClassName.OBJECT));
        }
        if (body.usesCondition()) {
            fields.add(new MachineField("condition$", TypeName.BOOLEAN));
        }
        if (body.usesHandler()) {
            fields.add(new MachineField(Regions.HANDLER, TypeName.INT));
            fields.add(new MachineField(Regions.FAILURE, ClassName.get(Throwable.class)));
            for (int i = 1; i <= body.regions.finallyCount(); i++) {
                fields.add(new MachineField("completion$" + i, TypeName.INT));
                fields.add(new MachineField("thrown$" + i, ClassName.get(Throwable.class)));
            }
        }

        boolean isStatic = method.isStatic() || inInterface;
        String outer = method.ownerName();
        Set<String> machineFields = new HashSet<>(taken);
        fields.forEach(f -> machineFields.add(f.name()));
        machineFields.add("state");
        new Renamer(body.placeholders, references, body.hoisting, renamedParameters, machineFields,
                hasSelf ? SELF : outer.isEmpty() ? null : isStatic ? outer : outer + ".this",
                hasSelf ? method.instanceMethods() : Set.of())
                .registerAll();

        List<TypeVariableName> typeVariables = method.typeVariables(hasSelf, copy);
        MachinePlan plan = new MachinePlan(className, isStatic, inInterface, typeVariables, result, parameters, fields,
                states, body.labeledDispatch(), body.tailStart(), body.usesHandler(), body.iterators() > 0,
                body.usesResources, body.memberTypes.placeholders());
        String text = MachineRenderer.render(plan);
        return new MachineSource(text, bodyPrefix(plan, arguments), body.placeholders.originals(),
                body.placeholders.replacements());
    }

    private TypeName fieldType(VariableTree v, TreePath inScope, BodyLowering body) {
        Placeholders placeholders = body.placeholders;
        if (v.getType() != null && v.getType().getKind() == Tree.Kind.UNION_TYPE) {
            TypeName lub = caughtType(v, inScope == null ? null : localTypes.typeOf(v, inScope));
            body.caughtUnionTypes.put(v, lub.toString());
            return lub;
        }
        if (v.getType() != null && !v.getType().toString().equals("var")) {
            return ClassName.get("", placeholders.expr(v.getType()));
        }
        TypeMirror type = inScope == null ? null : localTypes.typeOf(v, inScope);
        if (type == null) {
            throw new LocalTypeException(v, false, "cannot find the type of '" + v.getName()
                    + "', which lives across an await; declare its type explicitly");
        }
        switch (LocalTypes.denotability(type)) {
            case UNRESOLVED:
                throw new LocalTypeException(v, true, "type of '" + v.getName() + "' not resolved yet");
            case NON_DENOTABLE:
                throw new LocalTypeException(v, false, "'" + v.getName() + "' lives across an await and its type ("
                        + type + ") cannot be written in source; declare it with an explicit type");
            case LOCAL_CLASS:
                if (type instanceof DeclaredType declared && declared.getTypeArguments().isEmpty()
                        && body.memberTypes.isMoved((TypeElement) declared.asElement())) {
                    return ClassName.get("", declared.asElement().getSimpleName().toString());
                }
                throw new UnsupportedConstructException(v, "a local of a local class type living across an await"
                        + " is not supported yet");
            default:
                return TypeName.get(type);
        }
    }

    /**
     * The type of a multi-catch parameter {@code catch (A | B e)}: the alternatives' least upper
     * bound (JLS 14.20), their closest common superclass, unless they also share an interface
     * that class lacks (then the bound is an intersection, which cannot be written).
     */
    private TypeName caughtType(VariableTree v, TypeMirror type) {
        if (!(type instanceof javax.lang.model.type.UnionType union)) {
            throw new LocalTypeException(v, type != null && type.getKind() == javax.lang.model.type.TypeKind.ERROR,
                    "cannot find the type of '" + v.getName() + "', which lives across an await");
        }
        List<? extends TypeMirror> alternatives = union.getAlternatives();
        TypeMirror common = alternatives.get(0);
        while (!isSupertypeOfAll(common, alternatives)) {
            common = ((TypeElement) types.asElement(common)).getSuperclass();
        }
        for (TypeMirror shared : types.directSupertypes(alternatives.get(0))) {
            collectSharedInterfaces(v, shared, common, alternatives);
        }
        return TypeName.get(types.erasure(common));
    }

    private void collectSharedInterfaces(VariableTree v, TypeMirror candidate, TypeMirror common,
            List<? extends TypeMirror> alternatives) {
        boolean isInterface = types.asElement(candidate).getKind() == javax.lang.model.element.ElementKind.INTERFACE;
        if (isInterface && isSupertypeOfAll(candidate, alternatives) && !types.isSubtype(types.erasure(common),
                types.erasure(candidate))) {
            throw new LocalTypeException(v, false, "'" + v.getName() + "' lives across an await and its type ("
                    + common + " & " + candidate + ") cannot be written in source; catch the alternatives"
                    + " separately or catch " + common);
        }
        for (TypeMirror next : types.directSupertypes(candidate)) {
            collectSharedInterfaces(v, next, common, alternatives);
        }
    }

    private boolean isSupertypeOfAll(TypeMirror candidate, List<? extends TypeMirror> alternatives) {
        for (TypeMirror a : alternatives) {
            if (!types.isSubtype(types.erasure(a), types.erasure(candidate))) {
                return false;
            }
        }
        return true;
    }

    /** @param arguments what the method passes to the machine's constructor: its parameters' names, or {@code this} */
    private static String bodyPrefix(MachinePlan plan, List<String> arguments) {
        String typeArguments = plan.typeVariables().isEmpty() ? ""
                : plan.typeVariables().stream().map(t -> t.name()).collect(Collectors.joining(", ", "<", ">"));
        return "if (true) return new " + plan.className() + typeArguments + "(" + String.join(", ", arguments) + ");";
    }
}
