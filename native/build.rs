//! Tells the crate whether its compiler has the AVX-512 target features stable (Rust 1.89), so
//! that the MinHash kernel can use them there and the crate still builds with older compilers
//! (Debian bookworm's 1.63 is `.ci/run`'s fallback): `cfg(nettoyeur_avx512)`.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=RUSTC");
    println!("cargo:rustc-check-cfg=cfg(nettoyeur_avx512)");
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version = Command::new(rustc).arg("--version").output().ok().and_then(|o| String::from_utf8(o.stdout).ok());
    // "rustc 1.95.0 (59807616e 2026-04-14)": the minor version is the second number.
    let minor = version
        .as_deref()
        .and_then(|v| v.split_whitespace().nth(1))
        .and_then(|v| v.split('.').nth(1))
        .and_then(|m| m.parse::<u32>().ok());
    if minor.map_or(false, |m| m >= 89) {
        println!("cargo:rustc-cfg=nettoyeur_avx512");
    }
}
