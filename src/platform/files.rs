//! Small text files of numbers: /proc/sys on Linux, and the Linux host's
//! /proc/sys as Wine shows it.
#![cfg(any(target_os = "linux", windows))]

pub fn text(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path)
        .map(|s| s.trim().to_string())
        .map_err(|e| format!("cannot read {path}: {e}"))
}

pub fn number(path: &str) -> Result<i128, String> {
    let text = text(path)?;
    text.parse()
        .map_err(|_| format!("{path} holds {text:?}, not a number"))
}

pub fn triple(path: &str) -> Result<[i128; 3], String> {
    let text = text(path)?;
    let bad = || format!("{path} holds {text:?}, not three numbers");
    let parts: Vec<i128> = text
        .split_whitespace()
        .map(str::parse)
        .collect::<Result<_, _>>()
        .map_err(|_| bad())?;
    <[i128; 3]>::try_from(parts).map_err(|_| bad())
}
