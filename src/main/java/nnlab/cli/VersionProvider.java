package nnlab.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code nnlab --version}: the jar's Implementation-Version, or "development build" when run from classes. */
final class VersionProvider implements IVersionProvider {

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"nnlab " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
