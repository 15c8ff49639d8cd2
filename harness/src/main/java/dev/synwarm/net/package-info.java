/**
 * The emulated WAN between the client and the edge.
 *
 * <p>{@link dev.synwarm.net.Topology#create} builds, for one run id {@code ID} and a free {@code 10.77.N.0/24}:
 * netns {@code sw-ID-client} holding {@code sw-ID-c} (10.77.N.1) ⇄ {@code sw-ID-cw} (root ns, no IP, no ARP)
 * ~~ emulator ~~ {@code sw-ID-ew} (root ns, no IP) ⇄ {@code sw-ID-e} (root ns, 10.77.N.2, the edge interface
 * the probe attaches to), static neighbours, IPv6 off, and the client cgroup {@code sw-ID}.
 * {@link dev.synwarm.net.Topology#emulate} puts a {@link dev.synwarm.net.LinkSpec} on the path between
 * {@code -cw} and {@code -ew}, so the edge's ingress hook sees every frame after its delay:
 * <ul>
 *   <li>{@code netem} (when the kernel has sch_netem): a tc "wire" ({@link dev.synwarm.net.TcWire}) joins the
 *       two ends and netem qdiscs delay each egress ({@link dev.synwarm.net.NetemCommands} builds the argv).
 *   <li>{@code delayline}: {@link dev.synwarm.net.DelayLine}, AF_PACKET sockets through FFM and a FIFO per
 *       direction, in its own JVM ({@link dev.synwarm.net.DelayLineProcess}) with SCHED_FIFO threads.
 * </ul>
 * {@link dev.synwarm.net.NetReapers} find what a killed run left; {@link dev.synwarm.net.Calibration} measures
 * what a client in the namespace actually sees.
 */
package dev.synwarm.net;
