package io.jawait.processor.diagnostics;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Proxies around javac's processing environment, as IDEs hand them to processors. IntelliJ's
 * proxy class lives in a class loader that also sees {@code org.jetbrains.jps.javac.APIWrappers};
 * {@link #intellij} reproduces that with a loader mapping the name to {@link FakeApiWrappers}.
 */
final class EnvironmentProxies {
    private EnvironmentProxies() {
    }

    /** A proxy nobody can unwrap: {@code Trees.instance} rejects it, as it rejects ECJ's env. */
    static ProcessingEnvironment opaque(ProcessingEnvironment env) {
        return proxy(EnvironmentProxies.class.getClassLoader(), env);
    }

    /** A proxy whose class loader offers IntelliJ's unwrapping helper. */
    static ProcessingEnvironment intellij(ProcessingEnvironment env) {
        ClassLoader jps = new ClassLoader(EnvironmentProxies.class.getClassLoader()) {
            @Override
            public Class<?> loadClass(String name) throws ClassNotFoundException {
                return name.equals("org.jetbrains.jps.javac.APIWrappers")
                        ? FakeApiWrappers.class : super.loadClass(name);
            }
        };
        return proxy(jps, env);
    }

    private static ProcessingEnvironment proxy(ClassLoader loader, ProcessingEnvironment env) {
        return (ProcessingEnvironment) Proxy.newProxyInstance(loader,
                new Class<?>[] {ProcessingEnvironment.class}, new Forwarder(env));
    }

    /** Forwards every call to the wrapped environment and remembers it for unwrapping. */
    record Forwarder(Object target) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** Same shape as JetBrains' {@code APIWrappers.unwrap(Class, Object)}. */
    public static final class FakeApiWrappers {
        private FakeApiWrappers() {
        }

        /**
         * @param iface the interface asked for
         * @param wrapper a proxy made by {@link EnvironmentProxies}
         * @return the object the proxy forwards to
         */
        public static <T> T unwrap(Class<T> iface, T wrapper) {
            Forwarder forwarder = (Forwarder) Proxy.getInvocationHandler(wrapper);
            return iface.cast(forwarder.target());
        }
    }
}
