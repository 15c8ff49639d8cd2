/* SPDX-License-Identifier: GPL-2.0 */
/* What prewarm.bpf.c tells user space. PrewarmLayout.java mirrors every number and offset here. */
#ifndef SYNWARM_PREWARM_H
#define SYNWARM_PREWARM_H

/* Where the function id came from. */
#define PW_SRC_PORT	1
#define PW_SRC_OPTION	2

/* Which program saw the SYN. */
#define PW_HOOK_XDP	1
#define PW_HOOK_TC	2

#define PW_FAMILY_IPV4	4
#define PW_FAMILY_IPV6	6

/* IPv6 extension headers walked before giving up (NOT_TCP), and the furthest
 * offset a TCP header may start at (keeps packet offsets bounded for the verifier). */
#define PW_MAX_EXT_HDRS	4
#define PW_MAX_L4_OFF	1024

/* Index into the stats map. TOTAL counts every frame; each frame then lands in
 * exactly one outcome counter, so the outcomes sum to TOTAL. */
enum pw_stat {
	PW_STAT_TOTAL = 0,
	PW_STAT_NOT_IP,		/* not IPv4/IPv6 (or shorter than an Ethernet header) */
	PW_STAT_MALFORMED,	/* IP or TCP header truncated or inconsistent */
	PW_STAT_FRAGMENT,	/* an IP fragment (SYNs are never fragmented) */
	PW_STAT_NOT_TCP,	/* another transport, or too many IPv6 extension headers */
	PW_STAT_NOT_SYN,	/* TCP, but not SYN without ACK */
	PW_STAT_UNKNOWN_FN,	/* SYN without our option to an unmapped port */
	PW_STAT_EVENT_PORT,	/* event sent, id from fn_ports */
	PW_STAT_EVENT_OPTION,	/* event sent, id from the TCP option */
	PW_STAT_SUPPRESSED,	/* function triggered within the cooldown: no event */
	PW_STAT_RINGBUF_FULL,	/* event lost: ring buffer full */
	PW_STAT__COUNT,
};

struct pw_event {
	__u32 fn_id;
	__u8  source;		/* PW_SRC_* */
	__u8  family;		/* PW_FAMILY_* */
	__u16 sport;		/* host byte order */
	__u16 dport;		/* host byte order */
	__u16 hook;		/* PW_HOOK_* */
	__u32 suppressed;	/* SYNs of this function suppressed since its previous event */
	__u64 ktime_ns;		/* bpf_ktime_get_ns() at hook entry == CLOCK_MONOTONIC */
	__u8  saddr[16];	/* network order; IPv4 uses the first 4 bytes */
};				/* 40 bytes */

/* Per-function cooldown state. */
struct pw_fn_state {
	__u64 last_ns;		/* ktime of the last event, 0 = never */
	__u64 suppressed;	/* suppressed since then */
};

#endif
