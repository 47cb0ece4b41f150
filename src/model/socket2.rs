//! What socket2 0.6 does to a value on its way in and out. Its buffer-size
//! calls take and return `usize` but the OS speaks C `int`
//! (socket2 src/socket.rs: `set_send_buffer_size` passes `size as c_int`,
//! `send_buffer_size` returns `size as usize`; the recv pair likewise).

use crate::case::Request;
use crate::outcome::Expected;
use crate::rule::Rule;

pub const USIZE_TRUNCATED: Rule = Rule {
    id: "socket2.usize_truncated",
    formula: "(c_int)v",
    why: "socket2 casts the usize to a C int with `as`, keeping the low 32 bits: 2^32+4096 is applied as 4096, 2^31 as i32::MIN",
    source: "socket2 0.6 src/socket.rs set_send_buffer_size / set_recv_buffer_size",
};

pub const NEGATIVE_READ_WRAPS: Rule = Rule {
    id: "socket2.negative_read_wraps",
    formula: "(usize)(c_int)r",
    why: "socket2 casts the int read back to usize with `as`, so a negative value becomes a huge size",
    source: "socket2 0.6 src/socket.rs send_buffer_size / recv_buffer_size",
};

pub const RULES: &[&Rule] = &[&USIZE_TRUNCATED, &NEGATIVE_READ_WRAPS];

/// The request as the kernel receives it from socket2.
pub fn request(request: Request, rules: &mut Vec<&'static Rule>) -> Request {
    let Request::Set(expr) = request else {
        return request;
    };
    let sent = expr.map_value(|v| i128::from(v as i32));
    if sent != expr {
        rules.push(&USIZE_TRUNCATED);
    }
    Request::Set(sent)
}

/// The value socket2 hands back for what the kernel reported.
pub fn read_back(expected: Expected, rules: &mut Vec<&'static Rule>) -> Expected {
    let Expected::Ok(expr) = expected else {
        return expected;
    };
    let read = expr.map_value(|v| (v as i32) as usize as i128);
    if read != expr {
        rules.push(&NEGATIVE_READ_WRAPS);
    }
    Expected::Ok(read)
}
