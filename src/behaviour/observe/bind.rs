//! Runs a bind-and-reuse case here: the first socket on an ephemeral
//! loopback port, left in its state, then the second on the same port. Every
//! socket is closed before the function returns (a TIME_WAIT case leaves
//! the kernel's TIME_WAIT entry, which holds no descriptor and expires).

use super::port_of;
use crate::behaviour::bind::{after_bind, Addr, BindCase, FirstState, Proto, Receiver, Reuse};
use crate::outcome::Outcome;
use socket2::{Domain, Protocol, SockAddr, Socket, Type};
use std::io::{self, Read};
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::{Duration, Instant};

/// How many clients send one datagram each to the shared UDP port: enough
/// that a group spreading by a hash of the sender reaches both members.
const SENDERS: usize = 8;

/// What happened: bind's error by name, or what followed a successful bind
/// (`behaviour::bind::after_bind`).
pub fn bind(case: &BindCase) -> Outcome {
    match run(case) {
        Ok(Ok(text)) => Outcome::Ok(crate::value::Value::Text(text)),
        Ok(Err(refused)) => super::error_outcome(&refused),
        Err(e) => Outcome::not_run(&e),
    }
}

fn socket(proto: Proto, addr: Addr, reuse: Reuse) -> io::Result<Socket> {
    let domain = match addr {
        Addr::V4Loopback | Addr::V4Any => Domain::IPV4,
        Addr::V6AnyDual | Addr::V6AnyOnly => Domain::IPV6,
    };
    let s = match proto {
        Proto::Tcp => Socket::new(domain, Type::STREAM, Some(Protocol::TCP))?,
        Proto::Udp => Socket::new(domain, Type::DGRAM, Some(Protocol::UDP))?,
    };
    match addr {
        Addr::V6AnyDual => s.set_only_v6(false)?,
        Addr::V6AnyOnly => s.set_only_v6(true)?,
        _ => {}
    }
    if reuse.addr() {
        s.set_reuse_address(true)?;
    }
    if reuse.port() {
        crate::sys::set_reuse_port(&s)?;
    }
    match reuse {
        Reuse::Exclusive => crate::sys::set_exclusive_addr_use(&s)?,
        Reuse::PortLb => crate::sys::set_reuse_port_lb(&s)?,
        _ => {}
    }
    Ok(s)
}

fn address(addr: Addr, port: u16) -> SockAddr {
    let a: SocketAddr = match addr {
        Addr::V4Loopback => (Ipv4Addr::LOCALHOST, port).into(),
        Addr::V4Any => (Ipv4Addr::UNSPECIFIED, port).into(),
        Addr::V6AnyDual | Addr::V6AnyOnly => (Ipv6Addr::UNSPECIFIED, port).into(),
    };
    a.into()
}

/// A port free on every address of both families: the kernel picks it for
/// a dual-stack socket, which is closed again. (A port picked for an
/// IPv6-only first socket could still be held on IPv4, by an earlier
/// case's TIME_WAIT entry, say, and the second's bind would meet that
/// instead.)
fn free_port(proto: Proto) -> io::Result<u16> {
    let dual = socket(proto, Addr::V6AnyDual, Reuse::None)
        .and_then(|probe| probe.bind(&address(Addr::V6AnyDual, 0)).map(|()| probe));
    // A host without IPv6 has only the IPv4 ports to keep apart.
    let probe = match dual {
        Ok(probe) => probe,
        Err(_) => {
            let probe = socket(proto, Addr::V4Any, Reuse::None)?;
            probe.bind(&address(Addr::V4Any, 0))?;
            probe
        }
    };
    port_of(&probe)
}

/// The first socket, bound to a free port. Another program (or test) may
/// take the port between the probe and this bind: a few fresh ports are
/// tried before the case is called not run.
fn first_bound(proto: Proto, addr: Addr, reuse: Reuse) -> io::Result<(Socket, u16)> {
    let mut tries = 0;
    loop {
        let port = free_port(proto)?;
        let first = socket(proto, addr, reuse)?;
        match first.bind(&address(addr, port)) {
            Ok(()) => return Ok((first, port)),
            Err(e) if e.kind() == io::ErrorKind::AddrInUse && tries < 5 => tries += 1,
            Err(e) => return Err(e),
        }
    }
}

fn loopback(port: u16) -> SockAddr {
    SocketAddr::from((Ipv4Addr::LOCALHOST, port)).into()
}

/// The first socket in the case's state: the socket (gone once closed),
/// its port, and the sockets that keep its connection.
struct First {
    socket: Option<Socket>,
    port: u16,
    _keep: Vec<Socket>,
}

fn first_in_state(case: &BindCase) -> io::Result<First> {
    let (a1, _) = case.relation.addrs();
    let (first, port) = first_bound(case.proto, a1, case.first)?;
    // Sockets that must live until the end: the first's peer and the like.
    let mut keep = Vec::new();
    let mut first = Some(first);
    match case.state {
        FirstState::Bound => {}
        FirstState::Listening => first.as_ref().map_or(Ok(()), |s| s.listen(8))?,
        FirstState::Connected | FirstState::TimeWait => {
            let s = first
                .as_ref()
                .ok_or_else(|| io::Error::other("no first socket"))?;
            keep.extend(connect_to_peer(case.proto, s)?);
            if case.state == FirstState::TimeWait {
                // The first closes first (the active close), the peer reads
                // the end and closes: the first's end waits in TIME_WAIT.
                drop(first.take());
                for peer in &keep {
                    drain_to_end(peer)?;
                }
                keep.clear();
            }
        }
        FirstState::Closed => drop(first.take()),
    }
    Ok(First {
        socket: first,
        port,
        _keep: keep,
    })
}

/// Ok(Ok(text)) when the second bind succeeded, Ok(Err(e)) when it failed,
/// Err when the case could not be set up.
fn run(case: &BindCase) -> io::Result<Result<String, io::Error>> {
    let (_, a2) = case.relation.addrs();
    let first = first_in_state(case)?;
    let second = socket(case.proto, a2, case.second)?;
    if let Err(e) = second.bind(&address(a2, first.port)) {
        return Ok(Err(e));
    }
    let text = match case.proto {
        Proto::Tcp => {
            let listen = step(second.listen(8));
            let first_listen = match (case.state, &first.socket) {
                (FirstState::Bound, Some(s)) => Some(step(s.listen(8))),
                _ => None,
            };
            after_bind(Some((&listen, first_listen.as_deref())), None)
        }
        Proto::Udp => after_bind(None, Some(receiver(first.socket.as_ref(), &second, first.port)?)),
    };
    Ok(Ok(text))
}

/// The user the second socket of an other-user case runs as: nobody.
const OTHER_UID: u32 = 65534;

/// What happened when a process of another uid made the second socket:
/// bind's error, or bind's and (TCP) listen's success.
pub fn bind_other_user(case: &BindCase) -> Outcome {
    let run = || -> io::Result<Outcome> {
        let (_, a2) = case.relation.addrs();
        let first = first_in_state(case)?;
        let spec = crate::sys::SecondSocket {
            v6: matches!(a2, Addr::V6AnyDual | Addr::V6AnyOnly),
            stream: case.proto == Proto::Tcp,
            v6only: a2 == Addr::V6AnyOnly,
            reuse_addr: case.second.addr(),
            reuse_port: case.second.port(),
            address: address(a2, first.port),
            listen: case.proto == Proto::Tcp,
        };
        let (bind, listen) = crate::sys::bind_in_child(OTHER_UID, &spec)?;
        let name = |errno: i32| crate::sys::error_name(errno);
        Ok(match (bind, listen) {
            (0, Some(0)) => Outcome::Ok(crate::value::Value::Text(after_bind(Some(("ok", None)), None))),
            (0, Some(e)) => Outcome::Ok(crate::value::Value::Text(after_bind(
                Some((&name(e), None)),
                None,
            ))),
            (0, None) => Outcome::Ok(crate::value::Value::Text("bind ok".into())),
            (e, _) => Outcome::Err(name(e)),
        })
    };
    run().unwrap_or_else(|e| Outcome::not_run(&e))
}

fn step(r: io::Result<()>) -> String {
    match r {
        Ok(()) => "ok".to_string(),
        Err(e) => super::error_name(&e),
    }
}

/// Connects the first socket to a peer of its own on 127.0.0.1 and returns
/// the sockets that keep the connection (TCP: the accepted end and its
/// listener; UDP: the peer).
fn connect_to_peer(proto: Proto, first: &Socket) -> io::Result<Vec<Socket>> {
    let peer = socket(proto, Addr::V4Loopback, Reuse::None)?;
    peer.bind(&loopback(0))?;
    let to = loopback(port_of(&peer)?);
    match proto {
        Proto::Udp => {
            first.connect(&to)?;
            Ok(vec![peer])
        }
        Proto::Tcp => {
            peer.listen(1)?;
            first.connect_timeout(&to, Duration::from_secs(5))?;
            let (accepted, _) = peer.accept()?;
            Ok(vec![accepted, peer])
        }
    }
}

/// Reads until the other end's FIN (a listener has nothing to read).
fn drain_to_end(s: &Socket) -> io::Result<()> {
    if s.local_addr().is_ok() && s.peer_addr().is_err() {
        return Ok(());
    }
    s.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut buf = [0u8; 64];
    loop {
        match (&*s).read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(_) => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Eight clients send one datagram each to 127.0.0.1 at the port; the
/// sockets that got them say who receives. Loopback delivers within the
/// send here. A datagram nobody takes comes back as ICMP port unreachable,
/// which a connected client reads as a pending error: when every datagram
/// is accounted for either way the count is done, and the deadline only
/// bounds an OS that does neither.
fn receiver(first: Option<&Socket>, second: &Socket, port: u16) -> io::Result<Receiver> {
    let mut clients = Vec::new();
    for _ in 0..SENDERS {
        let c = socket(Proto::Udp, Addr::V4Loopback, Reuse::None)?;
        c.bind(&loopback(0))?;
        c.connect(&loopback(port))?;
        c.send(b"x")?;
        clients.push((c, false));
    }
    let mut counts = [0usize; 2];
    let sockets = [first, Some(second)];
    for s in sockets.iter().flatten() {
        s.set_nonblocking(true)?;
    }
    let deadline = Instant::now() + Duration::from_millis(500);
    loop {
        let mut got = false;
        for (i, s) in sockets.iter().enumerate() {
            let Some(s) = s else { continue };
            let mut buf = [std::mem::MaybeUninit::new(0u8); 16];
            // An error is nothing yet, or (on a connected first socket) an
            // ICMP error from its own peer: not a datagram either way.
            if s.recv(&mut buf).is_ok() {
                counts[i] += 1;
                got = true;
            }
        }
        for (c, refused) in clients.iter_mut() {
            if !*refused && matches!(c.take_error(), Ok(Some(_))) {
                *refused = true;
            }
        }
        let refused = clients.iter().filter(|(_, r)| *r).count();
        if counts.iter().sum::<usize>() + refused >= SENDERS || Instant::now() >= deadline {
            break;
        }
        if !got {
            std::thread::sleep(Duration::from_millis(2));
        }
    }
    Ok(match counts {
        [0, 0] => Receiver::Neither,
        [_, 0] => Receiver::First,
        [0, _] => Receiver::Second,
        _ => Receiver::Both,
    })
}
