package dev.synwarm.net;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.synwarm.sys.SystemException;
import java.lang.foreign.Arena;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Watches both ends of the emulated link (the two no-IP veth ends the emulator forwards between) with
 * capture sockets of its own and records every IPv4 TCP frame entering and leaving the link, stamped by
 * the kernel. What the link added to an exchange then comes from kernel timestamps at its two ends, as
 * tcpdump on both ends would show, independent of the emulator's own bookkeeping and of how fast the
 * hosts behind the ends react ({@link WireSamples}). A veth hands a frame to its peer inside the sending
 * call, so a frame entering the client end left the client's interface at that moment, and one leaving it
 * reaches the client's interface at once.
 */
final class LinkTap implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);

    private final List<End> ends;

    private LinkTap(List<End> ends) {
        this.ends = ends;
    }

    /** Starts recording on {@code clientEnd} and {@code edgeEnd}; returns once both sockets are bound. */
    static LinkTap start(String clientEnd, String edgeEnd) {
        List<End> ends = new ArrayList<>();
        try {
            ends.add(End.start(clientEnd, true));
            ends.add(End.start(edgeEnd, false));
            return new LinkTap(ends);
        } catch (RuntimeException e) {
            ends.forEach(End::close);
            throw e;
        }
    }

    /** What both ends recorded; stops recording. */
    Recording stop() {
        ends.forEach(End::close);
        List<WireFrame> frames = new ArrayList<>();
        long unstamped = 0;
        for (End e : ends) {
            frames.addAll(e.frames);
            unstamped += e.unstamped;
        }
        return new Recording(List.copyOf(frames), unstamped);
    }

    /** The frames, and how many had no kernel timestamp (left out: their time would be a guess). */
    record Recording(List<WireFrame> frames, long unstamped) {}

    @Override
    public void close() {
        ends.forEach(End::close);
    }

    /** One end: a capture socket and the thread reading it into {@code frames} (read after the join). */
    private static final class End {
        private final PacketSocket socket;
        private final boolean clientEnd;
        private final List<WireFrame> frames = new ArrayList<>();
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean running = true;
        private volatile Throwable failure;
        private long unstamped;

        private End(PacketSocket socket, boolean clientEnd) {
            this.socket = socket;
            this.clientEnd = clientEnd;
        }

        static End start(String ifname, boolean clientEnd) {
            End e = new End(PacketSocket.capture(ifname, POLL), clientEnd);
            Thread.ofPlatform().daemon().name("wire tap " + ifname).start(e::read);
            return e;
        }

        private void read() {
            try (Arena arena = Arena.ofConfined()) {
                PacketSocket.Receiver rx = socket.new Receiver(arena);
                while (running) {
                    int n = rx.receive();
                    if (n <= 0) {
                        continue;
                    }
                    if (rx.kernelRealNs() < 0) {
                        unstamped++;
                        continue;
                    }
                    byte[] bytes = rx.frame().asSlice(0, n).toArray(JAVA_BYTE);
                    Optional<WireFrame> f = WireFrame.parse(bytes, n, clientEnd, rx.outgoing(), rx.kernelRealNs());
                    f.ifPresent(frames::add);
                }
            } catch (Throwable t) {
                failure = running ? t : null; // a socket closed under the reader ends it
            } finally {
                done.countDown();
            }
        }

        void close() {
            running = false;
            try {
                if (!done.await(POLL.multipliedBy(20).toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new SystemException("wire tap on " + socket.ifname() + " did not stop");
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            } finally {
                socket.close();
            }
            if (failure != null) {
                Throwable t = failure;
                failure = null;
                throw new SystemException("wire tap on " + socket.ifname() + ": " + t, t);
            }
        }
    }
}
