package org.rpzx.dns.access;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/** A set of CIDR blocks; an address matches when any block contains it. */
public final class CidrMatcher {

  private final List<CidrBlock> blocks;

  public CidrMatcher(List<CidrBlock> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /** Parses each entry with {@link CidrBlock#parse(String)}. */
  public static CidrMatcher of(String... cidrs) {
    return new CidrMatcher(Arrays.stream(cidrs).map(CidrBlock::parse).toList());
  }

  public boolean matches(InetAddress address) {
    for (CidrBlock b : blocks) {
      if (b.contains(address)) {
        return true;
      }
    }
    return false;
  }

  public List<CidrBlock> blocks() {
    return blocks;
  }

  @Override
  public String toString() {
    return blocks.toString();
  }
}
