//! The socket2 path: the crate's typed setters and getters (`usize` sizes).

use crate::case::Request;
use crate::catalog::{OptionSpec, Socket2Api};
use crate::sys;
use socket2::Socket;
use std::io;

pub fn apply(option: &OptionSpec, socket: &Socket, request: Request) -> Result<i128, String> {
    let api = option
        .socket2
        .ok_or_else(|| format!("socket2 has no call for {}", option.name))?;
    if let Request::Set(expr) = request {
        let size =
            usize::try_from(expr.value()).map_err(|_| format!("{} does not fit a usize", expr.value()))?;
        match api {
            Socket2Api::SendBufferSize => socket.set_send_buffer_size(size),
            Socket2Api::RecvBufferSize => socket.set_recv_buffer_size(size),
        }
        .map_err(name)?;
    }
    let read = match api {
        Socket2Api::SendBufferSize => socket.send_buffer_size(),
        Socket2Api::RecvBufferSize => socket.recv_buffer_size(),
    };
    read.map(|v| v as i128).map_err(name)
}

fn name(e: io::Error) -> String {
    match e.raw_os_error() {
        Some(code) => sys::error_name(code),
        None => e.to_string(),
    }
}
