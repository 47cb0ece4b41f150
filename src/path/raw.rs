//! The raw path: the OS's setsockopt/getsockopt with a C `int`.

use crate::case::Request;
use crate::catalog::OptionSpec;
use crate::sys;

pub fn apply(option: &OptionSpec, socket: &socket2::Socket, request: Request) -> Result<i128, String> {
    let code = |name: &str| sys::code(name).ok_or_else(|| format!("{name} is not defined on this OS"));
    match request {
        Request::Default => sys::get_int(socket, code(option.name)?).map(i128::from),
        Request::Set(expr) => {
            let value =
                i32::try_from(expr.value()).map_err(|_| format!("{} does not fit a C int", expr.value()))?;
            sys::set_int(socket, code(option.name)?, value)?;
            sys::get_int(socket, code(option.read_back)?).map(i128::from)
        }
    }
}
