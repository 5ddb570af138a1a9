//! Where the boards of a roll-up come from: a board file, a folder of boards, or a git
//! repository (read with git itself into a cache, never written).

use std::path::{Path, PathBuf};

/// One source as given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A board file.
    File(PathBuf),
    /// Every board file in a folder.
    Folder(PathBuf),
    /// A git repository: its address, the branch (None: the remote's default) and a path inside.
    Git {
        /// Any address git accepts.
        url: String,
        /// The branch to read.
        branch: Option<String>,
        /// A file or folder inside the repository ("" for the whole tree).
        path: String,
    },
}

/// Whether `s` names a remote repository rather than a local path.
fn is_remote(s: &str) -> bool {
    ["ssh://", "https://", "http://", "git://", "file://"]
        .iter()
        .any(|p| s.starts_with(p))
        // scp-like `user@host:path`
        || s.split_once(':').is_some_and(|(h, _)| h.contains('@') && !h.contains('/'))
}

/// Whether a local folder is a git repository (a work tree or a bare one).
fn is_repository(dir: &Path) -> bool {
    dir.join(".git").exists() || (dir.join("HEAD").is_file() && dir.join("objects").is_dir())
}

impl Source {
    /// Reads a source as written: `FILE`, `FOLDER`, or `REPO[#BRANCH[:PATH]]`.
    pub fn parse(s: &str) -> Source {
        let (repo, rest) = match s.rsplit_once('#') {
            Some((r, rest)) if !r.is_empty() => (r, Some(rest)),
            _ => (s, None),
        };
        let local = Path::new(repo);
        if rest.is_some() || is_remote(repo) || (local.is_dir() && is_repository(local)) {
            let (branch, path) = match rest.map(|r| r.split_once(':').unwrap_or((r, ""))) {
                Some((b, p)) => ((!b.is_empty()).then(|| b.to_string()), p.to_string()),
                None => (None, String::new()),
            };
            return Source::Git {
                url: repo.to_string(),
                branch,
                path: path.trim_matches('/').to_string(),
            };
        }
        if local.is_dir() {
            Source::Folder(local.to_path_buf())
        } else {
            Source::File(local.to_path_buf())
        }
    }

    /// How the source is named in the report.
    pub fn label(&self) -> String {
        match self {
            Source::File(p) | Source::Folder(p) => p.display().to_string(),
            Source::Git { url, branch, path } => {
                let mut s = url.clone();
                if branch.is_some() || !path.is_empty() {
                    s.push('#');
                    s.push_str(branch.as_deref().unwrap_or(""));
                }
                if !path.is_empty() {
                    s.push(':');
                    s.push_str(path);
                }
                s
            }
        }
    }
}

/// Whether a file name is a board's.
pub fn is_board_name(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

/// The board files directly in a folder, sorted by name.
pub fn boards_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| is_board_name(&n.to_string_lossy()))
        })
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_told_apart() {
        assert!(matches!(
            Source::parse("https://example.org/county.git"),
            Source::Git { branch: None, .. }
        ));
        assert_eq!(
            Source::parse("ssh://host/repo.git#main:boards/a.yaml"),
            Source::Git {
                url: "ssh://host/repo.git".into(),
                branch: Some("main".into()),
                path: "boards/a.yaml".into()
            }
        );
        assert!(matches!(
            Source::parse("git@host:office/boards.git"),
            Source::Git { .. }
        ));
        assert_eq!(
            Source::parse("no-such-board.yaml"),
            Source::File("no-such-board.yaml".into())
        );
    }
}
