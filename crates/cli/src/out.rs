//! Standard output for a command whose reader may stop reading: `counterpoint extract … | head`
//! closes the pipe early, and `println!` would then panic with a backtrace.

use std::io::{ErrorKind, Write};

/// `println!` that ends the program quietly, as Unix tools do, when the reader of standard output
/// has gone, and with a message and exit code 1 on any other write error.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::out::line(format_args!($($arg)*))
    };
}
pub(crate) use outln;

pub fn line(args: std::fmt::Arguments) {
    let mut out = std::io::stdout().lock();
    if let Err(err) = out.write_fmt(args).and_then(|()| out.write_all(b"\n")) {
        if err.kind() == ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("counterpoint: cannot write to standard output: {err}");
        std::process::exit(1);
    }
}
