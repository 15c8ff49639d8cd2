package dev.synwarm.cli;

import picocli.CommandLine;

/** {@code synwarm --version}: the build's version and the JDK it runs on. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "synwarm " + (v == null ? "dev" : v), "JDK " + Runtime.version() + " (" + System.getProperty("java.home") + ")"
        };
    }
}
