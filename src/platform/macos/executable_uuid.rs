//! The UUID a Mac reports for a process: the LC_UUID load command of its
//! main executable, which exec copies into `p_uuid` and socreate into each
//! socket's `last_uuid` (what LOCAL_PEERUUID reads back). Read here from the
//! executable file, with bounds-checked parsing and no FFI, so the parser is
//! tested on any OS with built Mach-O images.

/// 64-bit Mach-O, little-endian (both macOS architectures).
const MH_MAGIC_64: u32 = 0xfeed_facf;
/// A universal binary's header, stored big-endian.
const FAT_MAGIC: u32 = 0xcafe_babe;
const LC_UUID: u32 = 0x1b;
/// `struct mach_header_64`: magic, cputype, cpusubtype, filetype, ncmds,
/// sizeofcmds, flags, reserved.
const HEADER_64: usize = 32;
const CPU_TYPE_X86_64: u32 = 0x0100_0007;
const CPU_TYPE_ARM64: u32 = 0x0100_000c;

fn u32_at(bytes: &[u8], at: usize, big_endian: bool) -> Option<u32> {
    let b: [u8; 4] = bytes.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(if big_endian {
        u32::from_be_bytes(b)
    } else {
        u32::from_le_bytes(b)
    })
}

/// The LC_UUID of a Mach-O image: a thin 64-bit one, or the slice of a
/// universal one whose CPU type is `cputype`.
pub fn of_image(bytes: &[u8], cputype: u32) -> Option<[u8; 16]> {
    match u32_at(bytes, 0, true)? {
        FAT_MAGIC => {
            // struct fat_arch: cputype, cpusubtype, offset, size, align.
            let count = u32_at(bytes, 4, true)? as usize;
            (0..count).find_map(|i| {
                let entry = 8 + i * 20;
                if u32_at(bytes, entry, true)? != cputype {
                    return None;
                }
                let offset = u32_at(bytes, entry + 8, true)? as usize;
                let size = u32_at(bytes, entry + 12, true)? as usize;
                of_image(bytes.get(offset..offset.checked_add(size)?)?, cputype)
            })
        }
        _ if u32_at(bytes, 0, false)? == MH_MAGIC_64 => {
            let commands = u32_at(bytes, 16, false)?;
            let mut at = HEADER_64;
            for _ in 0..commands {
                let (cmd, size) = (u32_at(bytes, at, false)?, u32_at(bytes, at + 4, false)? as usize);
                if cmd == LC_UUID {
                    return bytes.get(at + 8..at + 24)?.try_into().ok();
                }
                if size < 8 {
                    return None;
                }
                at = at.checked_add(size)?;
            }
            None
        }
        _ => None,
    }
}

/// The CPU type of the running build, to pick a universal binary's slice.
fn own_cputype() -> u32 {
    match cfg!(target_arch = "aarch64") {
        true => CPU_TYPE_ARM64,
        false => CPU_TYPE_X86_64,
    }
}

/// The first four bytes of this process's executable UUID as the int a
/// 4-byte getsockopt buffer receives (None where the executable is not a
/// Mach-O image or cannot be read). The file is read once per process:
/// every prediction of a LOCAL_PEERUUID case asks.
pub fn own_prefix() -> Option<i32> {
    static PREFIX: std::sync::OnceLock<Option<i32>> = std::sync::OnceLock::new();
    *PREFIX.get_or_init(|| {
        let bytes = std::fs::read(std::env::current_exe().ok()?).ok()?;
        let uuid = of_image(&bytes, own_cputype())?;
        Some(i32::from_ne_bytes([uuid[0], uuid[1], uuid[2], uuid[3]]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const UUID: [u8; 16] = *b"\x01\x02\x03\x84sockmatrix!!";

    /// A thin image: header, one LC_SEGMENT_64-sized filler command, LC_UUID.
    fn thin() -> Vec<u8> {
        let mut image = Vec::new();
        for word in [MH_MAGIC_64, CPU_TYPE_X86_64, 3, 2, 2, 72 + 24, 0, 0] {
            image.extend(word.to_le_bytes());
        }
        image.extend(0x19_u32.to_le_bytes());
        image.extend(72_u32.to_le_bytes());
        image.extend([0u8; 64]);
        image.extend(LC_UUID.to_le_bytes());
        image.extend(24_u32.to_le_bytes());
        image.extend(UUID);
        image
    }

    #[test]
    fn a_thin_images_uuid_is_found_past_other_commands() {
        assert_eq!(of_image(&thin(), CPU_TYPE_X86_64), Some(UUID));
    }

    #[test]
    fn a_universal_binary_gives_the_matching_slice() {
        let slice = thin();
        let mut fat = Vec::new();
        for word in [FAT_MAGIC, 2] {
            fat.extend(word.to_be_bytes());
        }
        let offset = 8 + 2 * 20;
        // An arm64 slice that is not a Mach-O image, then the x86_64 one.
        for (cpu, off, size) in [
            (CPU_TYPE_ARM64, offset, 4),
            (CPU_TYPE_X86_64, offset + 4, slice.len()),
        ] {
            for word in [cpu, 0, off as u32, size as u32, 0] {
                fat.extend(word.to_be_bytes());
            }
        }
        fat.extend([0u8; 4]);
        fat.extend(&slice);
        assert_eq!(of_image(&fat, CPU_TYPE_X86_64), Some(UUID));
        assert_eq!(of_image(&fat, CPU_TYPE_ARM64), None);
    }

    #[test]
    fn truncated_or_foreign_files_give_none() {
        let image = thin();
        assert_eq!(of_image(&image[..image.len() - 1], CPU_TYPE_X86_64), None);
        assert_eq!(of_image(b"\x7fELF\x02\x01\x01\0", CPU_TYPE_X86_64), None);
        assert_eq!(of_image(&[], CPU_TYPE_X86_64), None);
        // A zero-sized command would loop forever: refused.
        let mut looping = image.clone();
        looping[36..40].copy_from_slice(&0u32.to_le_bytes());
        assert_eq!(of_image(&looping, CPU_TYPE_X86_64), None);
    }

    #[test]
    fn this_process_has_an_executable_uuid_only_on_a_mac() {
        // The test binary itself: a Mach-O image with LC_UUID on macOS
        // (ld64 writes one), an ELF or PE file elsewhere.
        assert_eq!(own_prefix().is_some(), cfg!(target_os = "macos"));
    }
}
