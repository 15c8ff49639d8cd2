// SPDX-License-Identifier: GPL-2.0
/* Client side: a sock_ops program on the client's cgroup writes the fnid TCP option
 * (fnopt.h) into the SYN of every connection to a port listed in fn_tags. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "fnopt.h"

#define TCPHDR_SYN 0x02
#define TCPHDR_ACK 0x10

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u16);		/* destination port, host order */
	__type(value, __u32);		/* function id */
} fn_tags SEC(".maps");

static __always_inline int is_syn(struct bpf_sock_ops *skops)
{
	return (skops->skb_tcp_flags & TCPHDR_SYN) && !(skops->skb_tcp_flags & TCPHDR_ACK);
}

static __always_inline __u32 *tag_of(struct bpf_sock_ops *skops)
{
	__u16 dport = (__u16)bpf_ntohl(skops->remote_port);

	return bpf_map_lookup_elem(&fn_tags, &dport);
}

SEC("sockops")
int sockops_fnid(struct bpf_sock_ops *skops)
{
	__u32 *fn;

	switch (skops->op) {
	case BPF_SOCK_OPS_TCP_CONNECT_CB:
		/* active open, SYN not built yet: ask for the header-option callbacks */
		if (tag_of(skops))
			bpf_sock_ops_cb_flags_set(skops, skops->bpf_sock_ops_cb_flags |
						  BPF_SOCK_OPS_WRITE_HDR_OPT_CB_FLAG);
		break;
	case BPF_SOCK_OPS_HDR_OPT_LEN_CB:
		if (is_syn(skops))
			bpf_reserve_hdr_opt(skops, sizeof(struct fn_opt), 0);
		break;
	case BPF_SOCK_OPS_WRITE_HDR_OPT_CB:
		fn = tag_of(skops);
		if (is_syn(skops) && fn) {
			struct fn_opt o = {
				.kind = FNOPT_KIND,
				.len = FNOPT_LEN,
				.exid = { FNOPT_EXID >> 8, FNOPT_EXID & 0xff },
				.fn_id = bpf_htonl(*fn),
			};
			bpf_store_hdr_opt(skops, &o, sizeof(o), 0);
		}
		break;
	case BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB:
		/* handshake done (SYN retransmits carried the option too): stop the callbacks */
		bpf_sock_ops_cb_flags_set(skops, skops->bpf_sock_ops_cb_flags &
					  ~BPF_SOCK_OPS_WRITE_HDR_OPT_CB_FLAG);
		break;
	}
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
