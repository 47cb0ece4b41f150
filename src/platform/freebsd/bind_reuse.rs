//! FreeBSD's bind and reuse (`crate::behaviour::bind`). Read in a 14.0-STABLE
//! tree (`__FreeBSD_version` 1400507: the ilnp/ilnp-freebsd14 mirror at
//! 2f2a4162, whose research patches sit behind `#ifdef ILNP6` away from the
//! code quoted; line numbers are that tree's and may be off by a few
//! upstream), cross-checked against an unpatched 14-era in_pcb.c. As on
//! macOS, the second socket's own options choose the check, and listen()
//! never checks again; SO_REUSEPORT_LB groups share a port too and take
//! UDP datagrams before any other unconnected socket. FreeBSD 13.0's own
//! code runs every case under F-Stack (the probe's `bind` command); that
//! run showed a connected SO_REUSEPORT_LB socket staying in its group (read
//! again in 14: the same) and 13 putting an IPv4 wildcard socket ahead of a
//! dual-stack one in either order, where 14's fast lookup takes the newest
//! (`receiver_13`). 14 and 15 stay a reading, never run.

use super::facts::Release;
use crate::behaviour::bind::{BindCase, BindModel, FirstState, Receiver, Relation, Reuse, Step};
use crate::rule::Rule;

crate::rules! {
    pub const CLOSED: Rule = Rule {
        id: "freebsd.bind.closed",
        formula: "first closed (bound only) => the port is free",
        why: "closing a socket that never connected frees its pcb, which leaves the port's lists",
        source: "sys/netinet/in_pcb.c in_pcbdetach / in_pcbremhash (14.0-STABLE; UNCONFIRMED: the lines were not read)",
    };
    pub const V6ONLY_APART: Rule = Rule {
        id: "freebsd.bind.v6only_apart",
        formula: "IPv6-only :: against IPv4 => bind ok",
        why: "an IPv6-only pcb lacks INP_IPV4 and the IPv4 lookups skip it; an IPv6-only bind skips the IPv4 checks",
        source: "sys/netinet/in_pcb.c in_pcblookup_local (l.1970-2083, INP_IPV4 test); sys/netinet6/in6_pcb.c in6_pcbbind (l.160-324, the mapped checks only without IN6P_IPV6_V6ONLY)",
    };
    pub const DUAL_AFTER_V4: Rule = Rule {
        id: "freebsd.bind.dual_after_v4",
        formula: ":: v6only 0 after an IPv4 0.0.0.0 => bind ok, whatever the options",
        why: "in6_pcblookup_local skips IPv4-only pcbs, and the mapped check refuses only an IPv4 pcb on a specific address or one that is itself IPv6",
        source: "sys/netinet6/in6_pcb.c in6_pcbbind l.293-304, in6_pcblookup_local l.796, l.838",
    };
    pub const NO_OPTION_BLOCKS: Rule = Rule {
        id: "freebsd.bind.no_option_blocks",
        formula: "second without SO_REUSEADDR/SO_REUSEPORT/SO_REUSEPORT_LB, overlapping address => EADDRINUSE (any state)",
        why: "with none of them the lookup is a best-fit wildcard search over every pcb on the port, connected and TIME_WAIT ones too (a TIME_WAIT connection is a full pcb in 14)",
        source: "sys/netinet/in_pcb.c in_pcbbind_setup l.893-894 (INPLOOKUP_WILDCARD only without the options), l.971-983 (EADDRINUSE); in_pcblookup_local l.2013-2081; sys/netinet/tcp_timewait.c tcp_twstart l.109-145",
    };
    pub const EXACT_LOOKUP: Rule = Rule {
        id: "freebsd.bind.exact_lookup",
        formula: "second with a reuse option, no unconnected socket on the same address => bind ok",
        why: "with any reuse option only an unconnected pcb on exactly the same address is looked for: a wildcard against a specific address, a connected or a TIME_WAIT pcb is not found",
        source: "sys/netinet/in_pcb.c in_pcblookup_local l.1985-2012 (faddr ANY, laddr equal)",
    };
    pub const SAME_NEEDS_REUSEPORT: Rule = Rule {
        id: "freebsd.bind.same_needs_reuseport",
        formula: "the same address, the first unconnected => ok only with SO_REUSEPORT on both or SO_REUSEPORT_LB on both, else EADDRINUSE",
        why: "the pcb found must carry the SO_REUSEPORT (or SO_REUSEPORT_LB) the new socket sets; SO_REUSEADDR alone counts only on a multicast address",
        source: "sys/netinet/in_pcb.c in_pcbbind_setup l.971-983 ('(reuseport & t->inp_socket->so_options) == 0 && (reuseport_lb & t->inp_socket->so_options) == 0' => EADDRINUSE), l.923 (multicast)",
    };
    pub const V4_AFTER_DUAL: Rule = Rule {
        id: "freebsd.bind.v4_after_dual",
        formula: "IPv4 0.0.0.0 after :: v6only 0 => EADDRINUSE unless SO_REUSEPORT (or _LB) on both",
        why: "a dual-stack pcb carries INP_IPV4 with address 0, so the IPv4 lookup finds it; the exemption covers two IPv6 sockets only",
        source: "sys/netinet/in_pcb.c in_pcbbind_setup l.976-983; sys/netinet6/in6_pcb.c in6_pcbbind",
    };
    pub const OTHER_UID: Rule = Rule {
        id: "freebsd.bind.other_uid",
        formula: "another (unprivileged) uid, a specific address on either side => EADDRINUSE against a socket on the port, except a TIME_WAIT one and (TCP) a connected one, which fall to the usual rules",
        why: "without PRIV_NETINET_REUSEPORT in_pcbbind_setup runs a wildcard lookup and refuses a port held by another uid, skipping TIME_WAIT pcbs and, for stream sockets, connected ones",
        source: "freebsd/netinet/in_pcb.c in_pcbbind_setup l.1095-1115 ('((t->inp_flags & INP_TIMEWAIT) == 0) && (so->so_type != SOCK_STREAM || ntohl(t->inp_faddr.s_addr) == INADDR_ANY) && ... (inp->inp_cred->cr_uid != t->inp_cred->cr_uid)) return (EADDRINUSE);'), FreeBSD 13.0 as vendored by F-Stack 5cb586b5",
    };
    pub const LISTEN_NO_RECHECK: Rule = Rule {
        id: "freebsd.bind.listen_no_recheck",
        formula: "listen() on a bound socket => ok (no second check)",
        why: "tcp_usr_listen binds only a socket without a port; solisten checks the socket's state, not the port",
        source: "sys/netinet/tcp_usrreq.c tcp_usr_listen l.379-381 ('if (inp->inp_lport == 0)'), tcp6_usr_listen l.438; sys/kern/uipc_socket.c solisten_proto_check",
    };
    pub const UDP_CONNECTED_ELSEWHERE: Rule = Rule {
        id: "freebsd.udp.connected_elsewhere",
        formula: "first connected to another peer => the second receives",
        why: "a connected pcb matches only its four-tuple; other datagrams go through the unconnected lookups",
        source: "sys/netinet/in_pcb.c in_pcblookup_hash_smr l.2401-2464 (connected first, then the LB groups, then the wild chain)",
    };
    pub const UDP_V6ONLY_SKIPPED: Rule = Rule {
        id: "freebsd.udp.v6only_skipped",
        formula: "an IPv6-only socket takes no IPv4 datagram => the IPv4 socket receives",
        why: "the IPv4 lookup skips pcbs without INP_IPV4",
        source: "sys/netinet/in_pcb.c in_pcblookup_hash_wild_smr l.2225-2258 (INP_IPV4 test)",
    };
    pub const UDP_LB_GROUP_FIRST: Rule = Rule {
        id: "freebsd.udp.lb_group_first",
        formula: "a SO_REUSEPORT_LB socket against a plain one => the LB socket receives (groups are searched first; an exact group before a wildcard one)",
        why: "the unconnected lookup tries the SO_REUSEPORT_LB groups before the wild chain, preferring a group on the exact address; a single LB socket is a group of one, and a dual-stack :: socket joins no group at all (so an IPv4 group beats it either way)",
        source: "sys/netinet/in_pcb.c in_pcblookup_hash_smr l.2401-2464, in_pcblookup_lbgroup l.2091-2161, in_pcbinslbgrouphash l.2654-2661 (group made at bind), l.360-367 ('Don't allow IPv4 mapped INET6 wild socket')",
    };
    pub const UDP_LB_SPREAD: Rule = Rule {
        id: "freebsd.udp.lb_spread",
        formula: "both SO_REUSEPORT_LB on one address => a group: spread over both by a hash of the sender",
        why: "the member is chosen by INP_PCBLBGROUP_PKTHASH(faddr, lport, fport) modulo the group's size; eight senders reach both",
        source: "sys/netinet/in_pcb.c in_pcblookup_lbgroup l.2159",
    };
    pub const UDP_EXACT_FIRST: Rule = Rule {
        id: "freebsd.udp.exact_first",
        formula: "127.0.0.1 against 0.0.0.0 => the socket on 127.0.0.1 receives",
        why: "the wild chain keeps specific addresses ahead of wildcard ones and the first match wins",
        source: "sys/netinet/in_pcb.c _in_pcbinshash_wild l.2500-2551, in_pcblookup_hash_wild_smr l.2225-2258",
    };
    pub const UDP_V4_AFTER_DUAL: Rule = Rule {
        id: "freebsd.udp.v4_after_dual",
        formula: "0.0.0.0 bound after dual-stack :: => the IPv4 socket receives",
        why: "a new wildcard pcb goes before the first wildcard entry of the chain, so the IPv4 0.0.0.0 socket bound second is found first",
        source: "sys/netinet/in_pcb.c _in_pcbinshash_wild l.2539 (insert before the first wildcard entry)",
    };
    pub const UDP_DUAL_AFTER_V4: Rule = Rule {
        id: "freebsd.udp.dual_after_v4",
        formula: "dual-stack :: bound after 0.0.0.0 (no IPv4 LB group) => the :: socket receives IPv4 datagrams (UNCONFIRMED)",
        why: "_in6_pcbinshash_wild puts the IPv6 pcb ahead of the IPv4 wildcard pcb, whose IPv6 address field reads as zero, and the fast (SMR) lookup takes the first match; the locked fallback would pick the IPv4 socket, as 13's only lookup does (measured under F-Stack: freebsd.udp.ipv4_wild_before_mapped_13). Read in the 14 code, never run: UNCONFIRMED",
        source: "sys/netinet/in_pcb.c _in6_pcbinshash_wild l.2560-2597, in_pcblookup_hash_wild_smr l.2225-2258",
    };
    pub const UDP_LB_CONNECTED_STAYS: Rule = Rule {
        id: "freebsd.udp.lb_connected_stays",
        formula: "first SO_REUSEPORT_LB, connected => it still receives from every sender (both, when the second joins its group on the same address)",
        why: "connect() rehashes the pcb but leaves it in its load-balancing group, and the group lookup, searched before the wildcard chain, never looks at a member's foreign address (14: the SMR lookup's recheck refuses the connected member and the locked fallback returns it). Measured on 13 under F-Stack; 14 read; a later main ignores SO_REUSEPORT_LB on a connected socket, and whether 15 has that is UNCONFIRMED (15 is modelled as 14)",
        source: "13.0 (F-Stack 5cb586b5): freebsd/netinet/in_pcb.c in_pcbrehash_mbuf (no in_pcbremlbgrouphash: only in_pcbremlists and in_pcbdrop call it), in_pcblookup_lbgroup (no inp_faddr test), in_pcblookup_hash_locked ('Then look in lb group'); 14.0-STABLE: sys/netinet/in_pcb.c in_pcbconnect l.1039-1043, in_pcbrehash l.2761-2816, in_pcblookup_lbgroup l.2159, in_pcblookup_hash_smr l.2437-2446, in_pcblookup_hash_locked l.2362",
    };
    pub const UDP13_IPV4_WILD_BEFORE_MAPPED: Rule = Rule {
        id: "freebsd.udp.ipv4_wild_before_mapped_13",
        formula: "0.0.0.0 and dual-stack :: on one port => the IPv4 socket receives IPv4 datagrams, whichever bound first",
        why: "the wildcard search keeps a plain IPv4 wildcard pcb (local_wild) ahead of an IPv6 one taking IPv4 (local_wild_mapped), and a dual-stack wildcard socket never joins a load-balancing group. Measured under F-Stack",
        source: "freebsd/netinet/in_pcb.c in_pcblookup_hash_locked ('if (local_wild != NULL) return (local_wild); ... if (local_wild_mapped != NULL) return (local_wild_mapped);'), in_pcbinslbgrouphash ('Don't allow IPv4 mapped INET6 wild socket'), FreeBSD 13.0 as vendored by F-Stack 5cb586b5",
    };
    pub const UDP_NEWEST_FIRST: Rule = Rule {
        id: "freebsd.udp.newest_first",
        formula: "two SO_REUSEPORT sockets on the same address => the newest (the second) receives",
        why: "a unicast datagram goes to one pcb, the first match of the wild chain, and a new specific pcb is inserted ahead of the others",
        source: "sys/netinet/udp_usrreq.c udp_input l.611-613 (in_pcblookup_mbuf, one pcb); sys/netinet/in_pcb.c _in_pcbinshash_wild l.2550",
    };
}

/// FreeBSD's reuse sets: SO_REUSEPORT_LB besides the two, no
/// SO_EXCLUSIVEADDRUSE.
pub const SETS: &[Reuse] = &[
    Reuse::None,
    Reuse::Addr,
    Reuse::Port,
    Reuse::AddrPort,
    Reuse::PortLb,
];

fn unconnected(case: &BindCase) -> bool {
    matches!(case.state, FirstState::Bound | FirstState::Listening)
}

/// SO_REUSEPORT on both, or SO_REUSEPORT_LB on both.
fn shares(case: &BindCase) -> bool {
    (case.first.port() && case.second.port()) || (case.first == Reuse::PortLb && case.second == Reuse::PortLb)
}

fn bind(case: &BindCase) -> Step {
    match case.relation {
        Relation::V4AfterV6only | Relation::V6onlyAfterV4 => return Step::ok(&V6ONLY_APART),
        Relation::DualAfterV4 => return Step::ok(&DUAL_AFTER_V4),
        _ => {}
    }
    if case.second == Reuse::None {
        return Step::fails("EADDRINUSE", &NO_OPTION_BLOCKS);
    }
    match case.relation {
        Relation::V4AfterDual if shares(case) => Step::ok(&V4_AFTER_DUAL),
        Relation::V4AfterDual => Step::fails("EADDRINUSE", &V4_AFTER_DUAL),
        Relation::Same if !unconnected(case) => Step::ok(&EXACT_LOOKUP),
        Relation::Same if shares(case) => Step::ok(&SAME_NEEDS_REUSEPORT),
        Relation::Same => Step::fails("EADDRINUSE", &SAME_NEEDS_REUSEPORT),
        _ => Step::ok(&EXACT_LOOKUP),
    }
}

fn other_user(case: &BindCase) -> Step {
    let skipped = case.state == FirstState::TimeWait
        || (case.proto == crate::behaviour::bind::Proto::Tcp && case.state == FirstState::Connected);
    match skipped {
        true => bind(case),
        false => Step::fails("EADDRINUSE", &OTHER_UID),
    }
}

fn listen(_: &BindCase) -> Step {
    Step::ok(&LISTEN_NO_RECHECK)
}

fn receiver(case: &BindCase) -> (Receiver, &'static Rule) {
    let (lb1, lb2) = (case.first == Reuse::PortLb, case.second == Reuse::PortLb);
    match (case.state, case.relation) {
        (FirstState::Closed, Relation::V6onlyAfterV4) => (Receiver::Neither, &UDP_V6ONLY_SKIPPED),
        (FirstState::Closed, _) => (Receiver::Second, &CLOSED),
        (FirstState::Connected, Relation::Same) if lb1 && lb2 => (Receiver::Both, &UDP_LB_CONNECTED_STAYS),
        (FirstState::Connected, _) if lb1 => (Receiver::First, &UDP_LB_CONNECTED_STAYS),
        (FirstState::Connected, _) => (Receiver::Second, &UDP_CONNECTED_ELSEWHERE),
        (_, Relation::V6onlyAfterV4) => (Receiver::First, &UDP_V6ONLY_SKIPPED),
        (_, Relation::V4AfterV6only) => (Receiver::Second, &UDP_V6ONLY_SKIPPED),
        (_, Relation::Same) if lb1 && lb2 => (Receiver::Both, &UDP_LB_SPREAD),
        (_, Relation::Same) => (Receiver::Second, &UDP_NEWEST_FIRST),
        // A lone LB group beats a plain socket, on any address; between
        // two groups the exact address wins, as between two plain sockets.
        (_, Relation::SpecificAfterWildcard) if lb1 && !lb2 => (Receiver::First, &UDP_LB_GROUP_FIRST),
        (_, Relation::WildcardAfterSpecific) if lb2 && !lb1 => (Receiver::Second, &UDP_LB_GROUP_FIRST),
        (_, Relation::SpecificAfterWildcard) => (Receiver::Second, &UDP_EXACT_FIRST),
        (_, Relation::WildcardAfterSpecific) => (Receiver::First, &UDP_EXACT_FIRST),
        // A dual-stack :: socket joins no group: only the IPv4 one's counts.
        (_, Relation::V4AfterDual) => (Receiver::Second, &UDP_V4_AFTER_DUAL),
        (_, Relation::DualAfterV4) if lb1 => (Receiver::First, &UDP_LB_GROUP_FIRST),
        (_, Relation::DualAfterV4) => (Receiver::Second, &UDP_DUAL_AFTER_V4),
    }
}

/// FreeBSD 13.0's receivers, where they part from 14's: its one (locked)
/// lookup puts an IPv4 wildcard socket ahead of a dual-stack one in either
/// order.
fn receiver_13(case: &BindCase) -> (Receiver, &'static Rule) {
    match (case.state, case.relation) {
        (FirstState::Bound, Relation::DualAfterV4) => (Receiver::First, &UDP13_IPV4_WILD_BEFORE_MAPPED),
        (FirstState::Bound, Relation::V4AfterDual) => (Receiver::Second, &UDP13_IPV4_WILD_BEFORE_MAPPED),
        _ => receiver(case),
    }
}

/// FreeBSD's bind-and-reuse model of `release`: 13 as measured under
/// F-Stack, 14 and later as read in the 14.0-STABLE tree.
pub fn model(release: Release) -> BindModel {
    BindModel {
        sets: SETS,
        closed: &CLOSED,
        bind,
        listen,
        first_listen: listen,
        receiver: match release {
            Release::R13 => receiver_13,
            _ => receiver,
        },
        other_user: Some(other_user),
        rules: RULES,
    }
}
