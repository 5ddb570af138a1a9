//! Reading boards from git repositories with git itself: a mirror per repository in the user's
//! cache, fetched on each roll-up (or refresh); when the remote cannot be reached, the last
//! fetched state is used and said to be from then. Nothing is ever pushed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Where the mirrors live: `$XDG_CACHE_HOME/ducha/rollup`, else `~/.cache/ducha/rollup`.
pub fn cache_root() -> PathBuf {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| PathBuf::from(".cache"));
    base.join("ducha").join("rollup")
}

/// A mirror's folder: readable (the end of the address) and unique (a hash of all of it).
fn mirror_dir(url: &str) -> PathBuf {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in url.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let tail: String = url
        .trim_end_matches('/')
        .rsplit(['/', ':'])
        .next()
        .unwrap_or("repo")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    cache_root().join(format!("{tail}-{h:016x}"))
}

/// git without prompts, so an unreachable or private remote fails instead of waiting.
fn git() -> Command {
    let mut c = Command::new("git");
    c.env("GIT_TERMINAL_PROMPT", "0")
        .env(
            "GIT_SSH_COMMAND",
            "ssh -o BatchMode=yes -o ConnectTimeout=10",
        )
        .args([
            "-c",
            "http.lowSpeedLimit=1000",
            "-c",
            "http.lowSpeedTime=20",
        ])
        .stdin(std::process::Stdio::null());
    c
}

fn run(c: &mut Command) -> Result<Output, String> {
    let out = c.output().map_err(|e| format!("git: {e}"))?;
    if out.status.success() {
        Ok(out)
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        Err(err
            .lines()
            .last()
            .unwrap_or("git failed")
            .trim()
            .to_string())
    }
}

const STAMP: &str = "ducha-fetched-at";

/// A repository as fetched: its mirror, when it was last fetched, and why it is not fresh.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The mirror to read from.
    pub dir: PathBuf,
    /// When the mirror last reached the remote (RFC 3339).
    pub fetched_at: Option<String>,
    /// Why this fetch failed, when the mirror is older than now.
    pub stale: Option<String>,
}

/// Clones or updates the mirror of `url`; falls back to the last fetched state.
pub fn fetch(url: &str) -> Result<Fetched, String> {
    let dir = mirror_dir(url);
    let result = if dir.join("HEAD").is_file() {
        run(git()
            .arg("--git-dir")
            .arg(&dir)
            .args(["fetch", "--prune", "--quiet", "origin"]))
    } else {
        std::fs::create_dir_all(cache_root())
            .map_err(|e| format!("{}: {e}", cache_root().display()))?;
        let _ = std::fs::remove_dir_all(&dir);
        run(git().args(["clone", "--mirror", "--quiet", url]).arg(&dir))
    };
    let stamp = dir.join(STAMP);
    let stale = match result {
        Ok(_) => {
            let now = chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
            let _ = std::fs::write(&stamp, now);
            None
        }
        Err(e) if dir.join("HEAD").is_file() => Some(e),
        Err(e) => return Err(e),
    };
    Ok(Fetched {
        fetched_at: std::fs::read_to_string(&stamp)
            .ok()
            .map(|s| s.trim().to_string()),
        dir,
        stale,
    })
}

/// The board files at `path` in `branch` (None: the remote's default branch): name and text.
pub fn boards(
    mirror: &Path,
    branch: Option<&str>,
    path: &str,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let rev = branch.map_or_else(|| "HEAD".to_string(), |b| format!("refs/heads/{b}"));
    let object = if path.is_empty() {
        format!("{rev}^{{tree}}")
    } else {
        format!("{rev}:{path}")
    };
    let read = |args: &[&str]| run(git().arg("--git-dir").arg(mirror).args(args));
    let kind = read(&["cat-file", "-t", &object])?;
    if String::from_utf8_lossy(&kind.stdout).trim() == "blob" {
        let text = read(&["cat-file", "blob", &object])?.stdout;
        return Ok(vec![(path.to_string(), text)]);
    }
    let names = read(&["ls-tree", "--name-only", &object])?.stdout;
    let mut out = Vec::new();
    for name in String::from_utf8_lossy(&names).lines() {
        if super::source::is_board_name(name) {
            let full = if path.is_empty() {
                name.to_string()
            } else {
                format!("{path}/{name}")
            };
            let text = read(&["cat-file", "blob", &format!("{rev}:{full}")])?.stdout;
            out.push((full, text));
        }
    }
    Ok(out)
}

/// A copy of a board read from git, beside its mirror, so it can be opened read-only.
pub fn keep_copy(mirror: &Path, name: &str, bytes: &[u8]) -> Option<PathBuf> {
    let dir = mirror.join("ducha-view");
    std::fs::create_dir_all(&dir).ok()?;
    let file = dir.join(name.replace('/', "__"));
    std::fs::write(&file, bytes).ok()?;
    Some(file)
}
