//! Reading a board file's bytes: regular files only, never more than the cap, never blocking.
//!
//! A FIFO would block the reader until someone writes to it, and a device such as `/dev/zero`
//! never ends; both are refused before they are opened for reading. The file is then opened
//! without blocking and checked again (it may have been replaced in between), and read through a
//! cap, so a file that grows while it is read cannot make the program read on without end.

use super::{LoadError, MAX_FILE_BYTES};
use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::Path;

/// Opens `path` for reading without blocking on a FIFO.
fn open(path: &Path) -> std::io::Result<File> {
    let mut o = OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NONBLOCK);
    }
    o.open(path)
}

/// Refuses what is not a regular file, by what `stat` says about it.
fn regular(path: &Path, meta: &std::fs::Metadata) -> Result<(), LoadError> {
    if meta.is_dir() {
        Err(LoadError::IsDir(path.to_path_buf()))
    } else if !meta.is_file() {
        Err(LoadError::NotRegular(path.to_path_buf()))
    } else if meta.len() > MAX_FILE_BYTES {
        Err(LoadError::TooLarge(path.to_path_buf(), meta.len()))
    } else {
        Ok(())
    }
}

/// The bytes of a regular file of at most [`MAX_FILE_BYTES`].
pub(super) fn bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let io = |e| LoadError::Io(path.to_path_buf(), e);
    regular(path, &std::fs::metadata(path).map_err(io)?)?;
    let file = open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    regular(path, &meta)?;
    let mut out = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(io)?;
    if out.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge(path.to_path_buf(), out.len() as u64));
    }
    Ok(out)
}

/// Whether the bytes look like UTF-16 (or UTF-32): a byte-order mark, or many zero bytes.
fn looks_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let zeros = head.iter().filter(|&&b| b == 0).count();
    // Text in UTF-16 has a zero in every other byte for ASCII; a quarter is plenty to tell.
    head.len() >= 2 && zeros * 4 >= head.len()
}

/// The text of the bytes, or why they are not UTF-8 text (UTF-16, another encoding, binary).
pub(super) fn text<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    if looks_utf16(bytes) {
        return Err(LoadError::Utf16(path.to_path_buf()));
    }
    let line_of = |at: usize| bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let text = std::str::from_utf8(bytes)
        .map_err(|e| LoadError::NotUtf8(path.to_path_buf(), line_of(e.valid_up_to())))?;
    // A zero byte is valid UTF-8 but never text: such a file is binary, or in another encoding.
    match memchr::memchr(0, bytes) {
        Some(at) => Err(LoadError::NotUtf8(path.to_path_buf(), line_of(at))),
        None => Ok(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_is_told_apart_from_other_encodings() {
        let utf16: Vec<u8> = "title: x\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let p = Path::new("b.yaml");
        assert!(matches!(text(p, &utf16), Err(LoadError::Utf16(_))));
        let bom: Vec<u8> = [0xFF, 0xFE].into_iter().chain(utf16).collect();
        assert!(matches!(text(p, &bom), Err(LoadError::Utf16(_))));
        let gbk = b"title: \xd7\xf7\xb7\xe7\n";
        assert!(matches!(text(p, gbk), Err(LoadError::NotUtf8(_, 1))));
        let nul = b"title: x\nnote: a\0b\n";
        assert!(matches!(text(p, nul), Err(LoadError::NotUtf8(_, 2))));
        assert_eq!(
            text(p, "title: 督查\n".as_bytes()).ok(),
            Some("title: 督查\n")
        );
    }
}
