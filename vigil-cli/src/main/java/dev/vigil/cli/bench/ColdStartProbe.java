package dev.vigil.cli.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.vigil.cli.demo.DemoContext;
import dev.vigil.shield.aws.WrapperHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh JVM's first invocation, for the cold-start benchmark: creates the handler ({@code direct}: the
 * {@link ProbeHandler}; {@code wrapped}: the zero-code {@link WrapperHandler} with {@code VIGIL_HANDLER} naming it),
 * invokes it once with the event file, prints {@code RESPONSE <bytes>} and then the number of loaded classes.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {}

    /** {@code ColdStartProbe direct|wrapped EVENT_FILE}. */
    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        RequestStreamHandler handler = args[0].equals("wrapped") ? new WrapperHandler() : new ProbeHandler();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new DemoContext("cold-1", "probe"));
        System.out.println("RESPONSE " + out.size());
        System.out.flush();
        System.out.println("CLASSES "
                + java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
    }
}
