package dev.synwarm.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Function instances as JDK HttpServers on loopback, for gateway tests without Docker: each launch
 * sleeps the spec's init (the simulated init fn-static does too), then listens and answers like it.
 */
final class LoopbackFunctions implements InstanceLauncher, AutoCloseable {
    final AtomicInteger launches = new AtomicInteger();
    final AtomicInteger stops = new AtomicInteger();
    private final Map<String, HttpServer> running = new ConcurrentHashMap<>();

    @Override
    public Upstream launch(LaunchSpec spec) {
        launches.incrementAndGet();
        long created = System.nanoTime();
        try {
            Thread.sleep(spec.init()); // the simulated function init, not a wait for something
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.createContext("/", ex -> {
                byte[] body = "ok\n".getBytes(StandardCharsets.US_ASCII);
                ex.getResponseHeaders().add("Connection", "close");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            s.start();
            long ready = System.nanoTime();
            String id = "loop-" + s.getAddress().getPort();
            running.put(id, s);
            return new Upstream(id, s.getAddress(), new StartTimes(created, created, created, created, ready), spec.init());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop(Upstream upstream) {
        HttpServer s = running.remove(upstream.id());
        if (s != null) {
            stops.incrementAndGet();
            s.stop(0);
        }
    }

    int running() {
        return running.size();
    }

    @Override
    public void close() {
        running.values().forEach(s -> s.stop(0));
        running.clear();
    }
}
