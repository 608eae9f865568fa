package dev.vigil.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints Vigil's version and the JVM it runs on. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = dev.vigil.core.VigilVersion.VERSION;
        return new String[] {
            "vigil " + v, "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        };
    }
}
