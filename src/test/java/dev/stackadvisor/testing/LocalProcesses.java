package dev.stackadvisor.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

/** What the harnesses of real servers ({@link RedisServer}, {@link PostgresServer}) share. */
final class LocalProcesses {

    private LocalProcesses() {
    }

    /** A TCP port free on the loopback interface now (the OS picks it). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Sleeps; an interrupt is kept and ends the test. */
    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
