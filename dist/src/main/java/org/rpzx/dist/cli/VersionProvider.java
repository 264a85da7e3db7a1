package org.rpzx.dist.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code rpzx --version}: the version from the jar manifest. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = RpzxCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "rpzx " + (v == null ? "(development build)" : v),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
