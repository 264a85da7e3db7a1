package org.rpzx.dist.config;

/** The configuration is not usable; the message names the key and what is wrong. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
