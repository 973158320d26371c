//! The one error type of the results pipeline.
//!
//! Every failure a user can cause (a bad path, a truncated file, a wrong schema version, two
//! files from different machines) becomes one `ResultsError`, which always displays as ONE
//! line that starts with the file it is about: scripts and CI logs show the reason, not a
//! backtrace, and `grep` finds it.

use std::fmt;
use std::path::{Path, PathBuf};

/// A failure of the results pipeline: which file (if any) and why, in one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultsError {
    /// The file the error is about; `None` for errors with no file (e.g. a bad option).
    pub path: Option<PathBuf>,
    /// What went wrong, without the path.
    pub reason: String,
}

impl ResultsError {
    /// An error about `path`.
    pub fn at(path: &Path, reason: impl Into<String>) -> Self {
        ResultsError {
            path: Some(path.to_path_buf()),
            reason: reason.into(),
        }
    }

    /// An error about no file in particular (a bad command-line value, …).
    pub fn msg(reason: impl Into<String>) -> Self {
        ResultsError {
            path: None,
            reason: reason.into(),
        }
    }

    /// An I/O error while doing `what` to `path`.
    pub fn io(path: &Path, what: &str, err: std::io::Error) -> Self {
        Self::at(path, format!("cannot {what}: {err}"))
    }
}

impl fmt::Display for ResultsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Reasons can quote serde or OS messages; fold any newline so the error stays one line.
        let reason = one_line(&self.reason);
        match &self.path {
            Some(p) => write!(f, "{}: {}", p.display(), reason),
            None => f.write_str(&reason),
        }
    }
}

impl std::error::Error for ResultsError {}

/// `s` with every run of line breaks replaced by a single space.
pub(crate) fn one_line(s: &str) -> String {
    s.split(['\n', '\r'])
        .filter(|part| !part.trim().is_empty())
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_as_one_line_with_the_path_first() {
        let e = ResultsError::at(Path::new("results/x.json"), "bad\nthing\n");
        assert_eq!(e.to_string(), "results/x.json: bad thing");
        assert_eq!(ResultsError::msg("plain").to_string(), "plain");
    }
}
