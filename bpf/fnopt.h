/* SPDX-License-Identifier: GPL-2.0 */
/* The function-id TCP option, as fnid.bpf.c writes it and prewarm.bpf.c reads it.
 * RFC 6994 shared experimental option: kind 254 (253 also accepted), length 8,
 * a 16-bit experiment id (ExID), then the 32-bit function id, all in network order.
 * FnIdOption.java mirrors these numbers. */
#ifndef SYNWARM_FNOPT_H
#define SYNWARM_FNOPT_H

#define FNOPT_KIND      254
#define FNOPT_KIND_ALT  253
#define FNOPT_LEN       8
#define FNOPT_EXID      0xFAA5

struct fn_opt {
	__u8 kind;
	__u8 len;
	__u8 exid[2];
	__u32 fn_id;		/* network byte order */
} __attribute__((packed));

#endif
