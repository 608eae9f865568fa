package dev.vigil.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints Vigil's version and the JVM it runs on. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VigilCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "vigil " + (v == null ? "dev" : v),
            "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        };
    }
}
