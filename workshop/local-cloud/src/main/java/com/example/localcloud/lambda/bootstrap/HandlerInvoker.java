package com.example.localcloud.lambda.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Supplier;

/**
 * Calls the function's handler, as named by {@code handler:} in serverless.yml:
 * {@code com.example.Handler} (a {@link RequestHandler} or {@link RequestStreamHandler}) or
 * {@code com.example.Handler::method}. Events are read and written with Amazon's own
 * serializers ({@code aws-lambda-java-serialization}), so that, e.g., an
 * {@code APIGatewayProxyRequestEvent} gets exactly the fields it gets in AWS.
 */
abstract class HandlerInvoker {

    /** Calls the handler with one event and returns its serialized result. */
    /** How long the last call of the handler itself took, without (de)serializing the event and result. */
    private long handlerNanos;

    abstract byte[] invoke(byte[] event, Context context) throws Throwable;

    /** For the local cloud's time budget (reported next to Duration); 0 before the first call. */
    long lastHandlerNanos() {
        return handlerNanos;
    }

    /** Times the handler's own work. */
    final <T> T timed(HandlerCall<T> call) throws Exception {
        long started = System.nanoTime();
        try {
            return call.run();
        } finally {
            handlerNanos = System.nanoTime() - started;
        }
    }

    @FunctionalInterface
    interface HandlerCall<T> {
        T run() throws Exception;
    }

    /** Loads the class and creates the handler once: this is the cold start's "init" phase. */
    static HandlerInvoker load(String handler, ClassLoader loader) throws Exception {
        if (handler == null || handler.isBlank()) {
            throw new IllegalArgumentException("_HANDLER is not set");
        }
        String[] parts = handler.split("::", 2);
        Class<?> type = Class.forName(parts[0], true, loader);
        if (parts.length == 2) {
            Method method = findMethod(type, parts[1]);
            Object instance = Modifier.isStatic(method.getModifiers()) ? null : type.getDeclaredConstructor().newInstance();
            return new MethodInvoker(instance, method, loader);
        }
        Object instance = type.getDeclaredConstructor().newInstance();
        if (instance instanceof RequestStreamHandler streamHandler) {
            return new StreamInvoker(streamHandler);
        }
        if (instance instanceof RequestHandler<?, ?> requestHandler) {
            Type[] types = requestHandlerTypes(type);
            return new RequestHandlerInvoker(requestHandler, serializer(types[0], loader), serializer(types[1], loader));
        }
        throw new IllegalArgumentException(type.getName() + " implements neither RequestHandler nor RequestStreamHandler;"
                + " name a method with " + type.getName() + "::methodName");
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof InvocationTargetException || cause instanceof ExceptionInInitializerError)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The I and O of {@code RequestHandler<I, O>}, looking up the class hierarchy. */
    private static Type[] requestHandlerTypes(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type implemented : c.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized && parameterized.getRawType() == RequestHandler.class) {
                    return parameterized.getActualTypeArguments();
                }
            }
        }
        return new Type[] {Object.class, Object.class};
    }

    /** Lambda picks the public method of that name with the most parameters. */
    private static Method findMethod(Class<?> type, String name) throws NoSuchMethodException {
        return Arrays.stream(type.getMethods())
                .filter(method -> method.getName().equals(name) && !method.isBridge())
                .max(Comparator.comparingInt(Method::getParameterCount))
                .orElseThrow(() -> new NoSuchMethodException(type.getName() + " has no public method " + name));
    }

    /**
     * Amazon's event serializer for Lambda event classes, Lambda's Jackson setup for anything else;
     * made at the first event, as Lambda's runtime makes it: a serializer that cannot be made (e.g.
     * joda-time missing from the function's jar) fails each invocation until it can, not Init.
     */
    static PojoSerializer<Object> serializer(Type type, ClassLoader loader) {
        return new SerializerMadeOnFirstUse(() -> makeSerializer(type, loader));
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> makeSerializer(Type type, ClassLoader loader) {
        if (type instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(c, loader);
        }
        if (!(type instanceof Class<?>) && !(type instanceof ParameterizedType)) {
            type = Object.class; // a type variable: nothing more specific is known
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /** Makes its serializer at the first call, and again at the next call if making it failed. */
    private static final class SerializerMadeOnFirstUse implements PojoSerializer<Object> {
        private final Supplier<PojoSerializer<Object>> maker;
        private PojoSerializer<Object> made;

        SerializerMadeOnFirstUse(Supplier<PojoSerializer<Object>> maker) {
            this.maker = maker;
        }

        private PojoSerializer<Object> serializer() {
            if (made == null) {
                made = maker.get(); // one event at a time: the runtime loop has a single thread
            }
            return made;
        }

        @Override
        public Object fromJson(InputStream input) {
            return serializer().fromJson(input);
        }

        @Override
        public Object fromJson(String input) {
            return serializer().fromJson(input);
        }

        @Override
        public void toJson(Object value, OutputStream output) {
            serializer().toJson(value, output);
        }
    }

    private static byte[] toJson(PojoSerializer<Object> serializer, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(value, out);
        return out.toByteArray();
    }

    private static final class RequestHandlerInvoker extends HandlerInvoker {
        private final RequestHandler<Object, Object> handler;
        private final PojoSerializer<Object> input;
        private final PojoSerializer<Object> output;

        @SuppressWarnings("unchecked")
        RequestHandlerInvoker(RequestHandler<?, ?> handler, PojoSerializer<Object> input, PojoSerializer<Object> output) {
            this.handler = (RequestHandler<Object, Object>) handler;
            this.input = input;
            this.output = output;
        }

        @Override
        byte[] invoke(byte[] event, Context context) throws Exception {
            Object request = input.fromJson(new ByteArrayInputStream(event));
            Object result = timed(() -> handler.handleRequest(request, context));
            return toJson(output, result);
        }
    }

    private static final class StreamInvoker extends HandlerInvoker {
        private final RequestStreamHandler handler;

        StreamInvoker(RequestStreamHandler handler) {
            this.handler = handler;
        }

        @Override
        byte[] invoke(byte[] event, Context context) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            timed(() -> {
                handler.handleRequest(new ByteArrayInputStream(event), out, context);
                return null;
            });
            return out.toByteArray();
        }
    }

    /** {@code Class::method} with (input), (input, Context), (InputStream, OutputStream[, Context]) or (). */
    private static final class MethodInvoker extends HandlerInvoker {
        private final Object instance;
        private final Method method;
        private final boolean streams;
        private final PojoSerializer<Object> input;
        private final PojoSerializer<Object> output;

        MethodInvoker(Object instance, Method method, ClassLoader loader) {
            this.instance = instance;
            this.method = method;
            Class<?>[] parameters = method.getParameterTypes();
            this.streams = parameters.length >= 2 && parameters[0] == InputStream.class && parameters[1] == OutputStream.class;
            boolean takesEvent = !streams && parameters.length > 0 && parameters[0] != Context.class;
            this.input = takesEvent ? serializer(method.getGenericParameterTypes()[0], loader) : null;
            this.output = method.getReturnType() == void.class ? null : serializer(method.getGenericReturnType(), loader);
        }

        @Override
        byte[] invoke(byte[] event, Context context) throws Exception {
            Class<?>[] parameters = method.getParameterTypes();
            Object[] arguments = new Object[parameters.length];
            ByteArrayOutputStream streamOut = new ByteArrayOutputStream();
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == Context.class) {
                    arguments[i] = context;
                } else if (streams && i == 0) {
                    arguments[i] = new ByteArrayInputStream(event);
                } else if (streams && i == 1) {
                    arguments[i] = streamOut;
                } else {
                    arguments[i] = input.fromJson(new ByteArrayInputStream(event));
                }
            }
            Object result = timed(() -> method.invoke(instance, arguments));
            if (streams) {
                return streamOut.toByteArray();
            }
            return output == null ? "null".getBytes(java.nio.charset.StandardCharsets.UTF_8) : toJson(output, result);
        }
    }
}
