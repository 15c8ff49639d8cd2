// SPDX-License-Identifier: GPL-2.0
/* The edge's pre-warm trigger: one parser behind an XDP and a TC (ingress) program.
 * A SYN without ACK names a function either by the fnid TCP option (fnopt.h) or by its
 * destination port (fn_ports); each named SYN becomes one pw_event in the ring buffer,
 * at most one per function per cooldown. Traffic is never dropped or changed. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "prewarm.h"
#include "fnopt.h"

#define ETH_P_IP	0x0800
#define ETH_P_IPV6	0x86DD
#define IP_MF		0x2000
#define IP_OFFSET	0x1FFF
#define NEXTHDR_HOP	0
#define NEXTHDR_TCP	6
#define NEXTHDR_ROUTING	43
#define NEXTHDR_FRAGMENT 44
#define NEXTHDR_DEST	60
#define TCP_MAX_OPTLEN	40
#define TC_ACT_OK	0	/* a #define in linux/pkt_cls.h, so not in vmlinux.h */

/* Set before load: nanoseconds during which further SYNs of a triggered function are suppressed. */
const volatile __u64 cooldown_ns = 0;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u16);		/* destination port, host order */
	__type(value, __u32);		/* function id */
} fn_ports SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);		/* function id */
	__type(value, struct pw_fn_state);
} fn_state SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

/* mmap-able so user space reads the counters without a syscall */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, PW_STAT__COUNT);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

static __always_inline void bump(__u32 idx)
{
	__u64 *v = bpf_map_lookup_elem(&stats, &idx);

	if (v)
		__sync_fetch_and_add(v, 1);
}

/* The option chain is walked in a bpf_loop() callback over a zeroed stack copy: a plain
 * bounded loop over packet bytes forks on every NOP/length path and exceeds the verifier's
 * budget. A malformed chain ends the walk (no option found). */
struct optscan {
	__u8  buf[64];
	__u32 len;
	__u32 off;
	__u32 fn_id;
	__u32 found;
};

static long optscan_step(__u32 idx, struct optscan *c)
{
	__u32 off = c->off;
	__u8 kind, len;

	if (off >= c->len)
		return 1;
	kind = c->buf[off & 63];
	if (kind == 0)			/* end of option list */
		return 1;
	if (kind == 1) {		/* NOP */
		c->off = off + 1;
		return 0;
	}
	len = c->buf[(off + 1) & 63];	/* zero past the end: ends the walk below */
	if (len < 2 || off + len > c->len)
		return 1;
	if ((kind == FNOPT_KIND || kind == FNOPT_KIND_ALT) && len == FNOPT_LEN &&
	    c->buf[(off + 2) & 63] == (FNOPT_EXID >> 8) && c->buf[(off + 3) & 63] == (FNOPT_EXID & 0xff)) {
		c->fn_id = ((__u32)c->buf[(off + 4) & 63] << 24) | ((__u32)c->buf[(off + 5) & 63] << 16) |
			   ((__u32)c->buf[(off + 6) & 63] << 8) | (__u32)c->buf[(off + 7) & 63];
		c->found = 1;
		return 1;
	}
	c->off = off + len;
	return 0;
}

static __always_inline int find_fn_option(__u8 *opt, void *data_end, __u32 optlen, __u32 *fn_id)
{
	struct optscan c;

	__builtin_memset(&c, 0, sizeof(c));
	c.len = optlen;
	for (int i = 0; i < TCP_MAX_OPTLEN; i++) {
		if (i >= optlen || (void *)(opt + i + 1) > data_end)
			break;
		c.buf[i] = opt[i];
	}
	bpf_loop(TCP_MAX_OPTLEN, optscan_step, &c, 0);
	*fn_id = c.fn_id;
	return c.found;
}

/* True when this SYN may trigger fn now; otherwise counts it as suppressed. */
static __always_inline int cooldown_allows(__u32 fn, __u64 now, __u32 *suppressed)
{
	struct pw_fn_state fresh = {}, *st;
	__u64 last;

	*suppressed = 0;
	if (!cooldown_ns)
		return 1;
	bpf_map_update_elem(&fn_state, &fn, &fresh, BPF_NOEXIST);
	st = bpf_map_lookup_elem(&fn_state, &fn);
	if (!st)			/* table full: better an extra event than a lost one */
		return 1;
	last = st->last_ns;
	/* cmpxchg: of two CPUs seeing the same SYN burst, only one wins the slot */
	if ((last && now - last < cooldown_ns) ||
	    __sync_val_compare_and_swap(&st->last_ns, last, now) != last) {
		__sync_fetch_and_add(&st->suppressed, 1);
		return 0;
	}
	*suppressed = (__u32)__sync_lock_test_and_set(&st->suppressed, 0);
	return 1;
}

static __always_inline __u32 classify(void *data, void *data_end, __u16 hook, __u64 now)
{
	struct ethhdr *eth = data;
	struct pw_event ev = {};
	struct tcphdr *tcp;
	__u32 doff, *port_fn;

	if ((void *)(eth + 1) > data_end)
		return PW_STAT_NOT_IP;
	if (eth->h_proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = (void *)(eth + 1);

		if ((void *)(ip + 1) > data_end)
			return PW_STAT_MALFORMED;
		if (ip->version != 4 || ip->ihl < 5)
			return PW_STAT_MALFORMED;
		if (ip->frag_off & bpf_htons(IP_MF | IP_OFFSET))
			return PW_STAT_FRAGMENT;
		if (ip->protocol != IPPROTO_TCP)
			return PW_STAT_NOT_TCP;
		ev.family = PW_FAMILY_IPV4;
		__builtin_memcpy(ev.saddr, &ip->saddr, 4);
		tcp = (void *)ip + ip->ihl * 4;
	} else if (eth->h_proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = (void *)(eth + 1);
		__u32 off = sizeof(*eth) + sizeof(*ip6);
		__u8 nh, *ext;

		if ((void *)(ip6 + 1) > data_end)
			return PW_STAT_MALFORMED;
		if (ip6->version != 6)
			return PW_STAT_MALFORMED;
		nh = ip6->nexthdr;
#pragma unroll
		for (int i = 0; i < PW_MAX_EXT_HDRS; i++) {
			if (nh != NEXTHDR_HOP && nh != NEXTHDR_ROUTING && nh != NEXTHDR_DEST)
				break;
			ext = data + off;
			if ((void *)(ext + 2) > data_end)
				return PW_STAT_MALFORMED;
			nh = ext[0];
			off += ((__u32)ext[1] + 1) * 8;
			if (off > PW_MAX_L4_OFF)
				return PW_STAT_MALFORMED;
		}
		if (nh == NEXTHDR_FRAGMENT)
			return PW_STAT_FRAGMENT;
		if (nh != NEXTHDR_TCP)
			return PW_STAT_NOT_TCP;
		ev.family = PW_FAMILY_IPV6;
		__builtin_memcpy(ev.saddr, &ip6->saddr, 16);
		tcp = data + off;
	} else {
		return PW_STAT_NOT_IP;
	}

	if ((void *)(tcp + 1) > data_end)
		return PW_STAT_MALFORMED;
	if (!tcp->syn || tcp->ack)
		return PW_STAT_NOT_SYN;
	doff = tcp->doff * 4;
	if (doff < sizeof(*tcp) || (void *)tcp + doff > data_end)
		return PW_STAT_MALFORMED;

	ev.dport = bpf_ntohs(tcp->dest);
	ev.sport = bpf_ntohs(tcp->source);
	if (find_fn_option((__u8 *)(tcp + 1), data_end, doff - sizeof(*tcp), &ev.fn_id)) {
		ev.source = PW_SRC_OPTION;
	} else {
		port_fn = bpf_map_lookup_elem(&fn_ports, &ev.dport);
		if (!port_fn)
			return PW_STAT_UNKNOWN_FN;
		ev.fn_id = *port_fn;
		ev.source = PW_SRC_PORT;
	}
	if (!cooldown_allows(ev.fn_id, now, &ev.suppressed))
		return PW_STAT_SUPPRESSED;
	ev.hook = hook;
	ev.ktime_ns = now;
	if (bpf_ringbuf_output(&events, &ev, sizeof(ev), 0))
		return PW_STAT_RINGBUF_FULL;
	return ev.source == PW_SRC_OPTION ? PW_STAT_EVENT_OPTION : PW_STAT_EVENT_PORT;
}

static __always_inline void handle(void *data, void *data_end, __u16 hook)
{
	__u64 now = bpf_ktime_get_ns();	/* first: the SYN's arrival time at the hook */

	bump(PW_STAT_TOTAL);
	bump(classify(data, data_end, hook, now));
}

SEC("xdp")
int xdp_syn(struct xdp_md *ctx)
{
	handle((void *)(long)ctx->data, (void *)(long)ctx->data_end, PW_HOOK_XDP);
	return XDP_PASS;
}

SEC("tc")
int tc_syn(struct __sk_buff *skb)
{
	handle((void *)(long)skb->data, (void *)(long)skb->data_end, PW_HOOK_TC);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
