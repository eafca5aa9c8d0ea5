//! One error type for the whole pipeline: every message says where, what is wrong and how to fix it.

use std::path::PathBuf;

/// What went wrong in a run; [`Error::text`] gives the message to show, in English or Chinese.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value in an input file is wrong. `place` names the file and line/column or key.
    #[error("{place}: {problem}. {fix}")]
    Input {
        /// Where: a file with line and column, a scenario key such as `queues[2].shrinkage`, or
        /// a command-line flag.
        place: String,
        /// What is wrong with the value found there.
        problem: String,
        /// How to fix it, as an instruction.
        fix: String,
    },
    /// An output file or folder could not be written.
    #[error("{}: {source}. Check that the folder can be written and the disk is not full", path.display())]
    Io {
        /// The file or folder that could not be written.
        path: PathBuf,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The optimiser failed in a way the inputs do not explain.
    #[error("the schedule solver failed: {0}")]
    Solver(String),
    /// An output table could not be rendered.
    #[error("could not render {0}")]
    Render(String),
}

impl Error {
    /// An [`Error::Input`]: where, what is wrong, and how to fix it.
    pub fn input(
        place: impl Into<String>,
        problem: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Error::Input {
            place: place.into(),
            problem: problem.into(),
            fix: fix.into(),
        }
    }

    /// The message in `lang`: in Chinese the frame and, through [`Lang::message`], the place,
    /// problem and fix (values such as files, keys and flags stay as they are).
    ///
    /// [`Lang::message`]: crate::labels::Lang::message
    pub fn text(&self, lang: crate::labels::Lang) -> String {
        if lang == crate::labels::Lang::En {
            return self.to_string();
        }
        let zh = |text: &str| lang.message(text);
        match self {
            Error::Input {
                place,
                problem,
                fix,
            } => format!("{}：{}。修改方法：{}", zh(place), zh(problem), zh(fix)),
            Error::Io { path, source } => format!(
                "{}：{}。请检查该文件夹可以写入、磁盘没有满",
                path.display(),
                zh(&source.to_string())
            ),
            Error::Solver(detail) => format!("排班求解器出错：{detail}"),
            Error::Render(what) => format!("无法生成 {what}"),
        }
    }

    /// An [`Error::Io`] for writing `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// The result of every fallible step of the pipeline.
pub type Result<T> = std::result::Result<T, Error>;
