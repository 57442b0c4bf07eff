package org.partnerhub.onboarding.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks a port the kernel considers free on the loopback interface right now. Tests also use one as an address
 * where nothing listens, e.g. a Kafka broker that is down.
 */
public final class FreePorts {

    private FreePorts() {
    }

    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    static int orPick(int port) {
        return port > 0 ? port : pick();
    }
}
