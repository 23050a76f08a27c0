package io.jawait.processor.lowering;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import io.jawait.processor.model.MachineField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * What the lowering needs to know of an {@code @Async} method besides its body. A member method
 * has an element (resolved types); a method of a local class has only its trees (javac enters
 * local classes during attribution, after processing), so its types are written as copies of
 * the user's type trees.
 */
interface MethodSubject {
    /** @return the method's path */
    TreePath path();

    /** @return whether the method is static (its machine is then a static nested class) */
    boolean isStatic();

    /** @return whether the method belongs to an interface */
    boolean inInterface();

    /** @return the simple name of the class declaring the method, empty for an anonymous class */
    String ownerName();

    /** @return the declaring type, for the {@code self} field of a default method's machine */
    TypeName ownerType();

    /** @return the names of the owner's instance methods (a default method's machine calls them on {@code self}) */
    Set<String> instanceMethods();

    /** @return the method's parameters as machine fields; {@code copy} writes a user type tree */
    List<MachineField> parameters(Function<Tree, String> copy);

    /** @return the type variables of the owner (when needed) and of the method */
    List<TypeVariableName> typeVariables(boolean withOwners, Function<Tree, String> copy);

    /** @return the {@code T} of the returned {@code Coroutine<T>} */
    TypeName result(Function<Tree, String> copy);

    /** A member method, with its element. */
    record Member(ExecutableElement method, TreePath path, Elements elements) implements MethodSubject {
        private TypeElement owner() {
            return (TypeElement) method.getEnclosingElement();
        }

        @Override
        public boolean isStatic() {
            return method.getModifiers().contains(Modifier.STATIC);
        }

        @Override
        public boolean inInterface() {
            return owner().getKind().isInterface();
        }

        @Override
        public String ownerName() {
            return owner().getSimpleName().toString();
        }

        @Override
        public TypeName ownerType() {
            return TypeName.get(owner().asType());
        }

        @Override
        public Set<String> instanceMethods() {
            Set<String> names = new HashSet<>();
            for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(owner()))) {
                if (!m.getModifiers().contains(Modifier.STATIC)) {
                    names.add(m.getSimpleName().toString());
                }
            }
            return names;
        }

        @Override
        public List<MachineField> parameters(Function<Tree, String> copy) {
            List<MachineField> fields = new ArrayList<>();
            for (VariableElement p : method.getParameters()) {
                fields.add(new MachineField(p.getSimpleName().toString(), TypeName.get(p.asType())));
            }
            return fields;
        }

        @Override
        public List<TypeVariableName> typeVariables(boolean withOwners, Function<Tree, String> copy) {
            List<TypeVariableName> variables = new ArrayList<>();
            if (withOwners) {
                owner().getTypeParameters().forEach(t -> variables.add(TypeVariableName.get(t)));
            }
            method.getTypeParameters().forEach(t -> variables.add(TypeVariableName.get(t)));
            return variables;
        }

        @Override
        public TypeName result(Function<Tree, String> copy) {
            TypeMirror returned = method.getReturnType();
            if (returned instanceof DeclaredType d && d.getTypeArguments().size() == 1) {
                return TypeName.get(d.getTypeArguments().get(0));
            }
            return ClassName.OBJECT;
        }
    }

    /** A method of a local or anonymous class: only trees. */
    record LocalClassMember(TreePath path) implements MethodSubject {
        private MethodTree method() {
            return (MethodTree) path.getLeaf();
        }

        private ClassTree owner() {
            return (ClassTree) path.getParentPath().getLeaf();
        }

        @Override
        public boolean isStatic() {
            return method().getModifiers().getFlags().contains(Modifier.STATIC);
        }

        @Override
        public boolean inInterface() {
            return false;   // MethodCompiler leaves local interfaces to [UnsupportedConstruct]
        }

        @Override
        public String ownerName() {
            return owner().getSimpleName().toString();
        }

        @Override
        public TypeName ownerType() {
            throw new IllegalStateException("a local class's method has no self field");
        }

        @Override
        public Set<String> instanceMethods() {
            return Set.of();
        }

        @Override
        public List<MachineField> parameters(Function<Tree, String> copy) {
            List<MachineField> fields = new ArrayList<>();
            for (VariableTree p : method().getParameters()) {
                fields.add(new MachineField(p.getName().toString(), ClassName.get("", copy.apply(p.getType()))));
            }
            return fields;
        }

        @Override
        public List<TypeVariableName> typeVariables(boolean withOwners, Function<Tree, String> copy) {
            List<TypeVariableName> variables = new ArrayList<>();
            for (TypeParameterTree t : method().getTypeParameters()) {
                List<TypeName> bounds = new ArrayList<>();
                t.getBounds().forEach(b -> bounds.add(ClassName.get("", copy.apply(b))));
                variables.add(TypeVariableName.get(t.getName().toString(), bounds.toArray(TypeName[]::new)));
            }
            return variables;
        }

        @Override
        public TypeName result(Function<Tree, String> copy) {
            if (method().getReturnType() instanceof ParameterizedTypeTree p && p.getTypeArguments().size() == 1) {
                return ClassName.get("", copy.apply(p.getTypeArguments().get(0)));
            }
            return ClassName.OBJECT;
        }
    }
}
