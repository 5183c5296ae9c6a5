package dev.stackadvisor.config;

/** A configuration value is missing or malformed; the message names the variable and what it accepts. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
