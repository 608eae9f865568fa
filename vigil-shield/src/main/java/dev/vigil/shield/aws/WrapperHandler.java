package dev.vigil.shield.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.vigil.shield.Shield;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Zero-code protection: set the function's handler to
 * {@code dev.vigil.shield.aws.WrapperHandler::handleRequest} and {@code VIGIL_HANDLER} to the real handler
 * ({@code com.acme.Orders::handleRequest}). Every event is inspected by the {@linkplain Shield#defaultShield() default
 * Shield} before the real handler runs; blocked HTTP events get a refusal in the trigger's response shape, blocked
 * batch records are removed or reported, and everything else reaches the handler exactly as the runtime would have
 * delivered it.
 *
 * <p>The real handler is resolved once, when the Lambda runtime creates this class (the init phase). A wrong
 * {@code VIGIL_HANDLER} is a deployment error and fails the init with a message saying what to fix.
 */
public final class WrapperHandler implements RequestStreamHandler {

    private final Shield shield;
    private final HandlerTarget target;

    /** Used by the Lambda runtime: the default Shield and {@code VIGIL_HANDLER}. */
    public WrapperHandler() {
        this(
                Shield.defaultShield(),
                System.getenv("VIGIL_HANDLER"),
                Thread.currentThread().getContextClassLoader());
    }

    /**
     * A wrapper for a given Shield and handler spec (tests, sandboxes).
     *
     * @param shield the Shield
     * @param handlerSpec {@code package.Class::method} or {@code package.Class}
     * @param loader the class loader to load the handler from ({@code null}: this class's loader)
     */
    public WrapperHandler(Shield shield, String handlerSpec, ClassLoader loader) {
        this.shield = shield;
        this.target = HandlerTarget.load(handlerSpec, loader == null ? WrapperHandler.class.getClassLoader() : loader);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        shield.invokeStream(input.readAllBytes(), output, context, target);
    }
}
