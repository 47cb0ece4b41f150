//! The classic BPF programs the `SO_ATTACH_FILTER` rows attach, by name:
//! a request names one, the raw path hands the kernel its instructions in a
//! `struct sock_fprog`, and a model judges it by what it is.

/// One `struct sock_filter`: opcode, jump-if-true, jump-if-false, constant.
pub type Insn = (u16, u8, u8, u32);

/// BPF_RET | BPF_K: return the constant (the bytes of the packet to keep).
const RET_K: u16 = 0x06;
/// BPF_JMP | BPF_JA: jump ahead by the constant.
const JA: u16 = 0x05;

/// BPF_MAXINSNS: the longest program the kernel takes.
pub const MAX_INSNS: usize = 4096;

/// What a program is, for a model: one the kernel takes, or why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// A valid program of this many instructions.
    Valid(usize),
    /// No instructions, or more than BPF_MAXINSNS (bpf_check_basics_ok).
    BadLength,
    /// A jump past the end (bpf_check_classic).
    BadJump,
}

/// A named program.
#[derive(Debug, Clone, Copy)]
pub struct Program {
    pub name: &'static str,
    pub verdict: Verdict,
    build: fn() -> Vec<Insn>,
}

impl Program {
    /// Its instructions.
    pub fn insns(&self) -> Vec<Insn> {
        (self.build)()
    }
}

/// Every program a ladder may name.
pub const PROGRAMS: &[Program] = &[
    Program {
        name: "accept-all",
        verdict: Verdict::Valid(1),
        build: || vec![(RET_K, 0, 0, u32::MAX)],
    },
    Program {
        name: "drop-all",
        verdict: Verdict::Valid(1),
        build: || vec![(RET_K, 0, 0, 0)],
    },
    Program {
        name: "empty",
        verdict: Verdict::BadLength,
        build: Vec::new,
    },
    Program {
        name: "jump-out",
        verdict: Verdict::BadJump,
        build: || vec![(JA, 0, 0, 5), (RET_K, 0, 0, u32::MAX)],
    },
    Program {
        name: "too-long",
        verdict: Verdict::BadLength,
        build: || vec![(RET_K, 0, 0, u32::MAX); MAX_INSNS + 1],
    },
];

/// The program of this name.
pub fn program(name: &str) -> Option<&'static Program> {
    PROGRAMS.iter().find(|p| p.name == name)
}

/// The names, for messages.
pub fn names() -> String {
    PROGRAMS.iter().map(|p| p.name).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each verdict says what the instructions are.
    #[test]
    fn verdicts_match_the_instructions() {
        for p in PROGRAMS {
            let insns = p.insns();
            match p.verdict {
                Verdict::Valid(n) => assert_eq!(insns.len(), n, "{}", p.name),
                Verdict::BadLength => assert!(insns.is_empty() || insns.len() > MAX_INSNS, "{}", p.name),
                Verdict::BadJump => assert!(
                    insns
                        .iter()
                        .enumerate()
                        .any(|(i, insn)| insn.0 == JA && i + 1 + insn.3 as usize >= insns.len()),
                    "{}",
                    p.name
                ),
            }
        }
    }
}
