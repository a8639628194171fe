"""The exception family, located problems and the exit codes they map to."""

from __future__ import annotations

from .record import Record
from .textsafe import visible


class ExitStatus:
    """The exit statuses (plain numbers: `enum` is not imported on a warm run)."""

    OK = 0
    DATA_ERROR = 1
    USAGE = 2
    IO_ERROR = 74
    INTERRUPTED = 130


class Problem(Record, frozen=True, eq=True, order=True):
    """One defect in the corpus, located as precisely as the input allows (1-based)."""

    path: str
    line: int = 0
    column: int = 0
    message: str = ""

    def __str__(self) -> str:
        where = visible(self.path, one_line=True)
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {self.message}"


class VrmcError(Exception):
    """Base of every error vrmc reports to the user without a traceback."""

    status = ExitStatus.DATA_ERROR


# How the problems of a file that could not be read or parsed begin.
UNREADABLE = ("invalid YAML", "invalid UTF-8", "cannot read")


def unreadable(problem: Problem) -> bool:
    """Whether `problem` says a file (or folder) could not be read or parsed as YAML."""
    return problem.message.startswith(UNREADABLE)


class UsageError(VrmcError):
    """A command-line value that names nothing: unknown id, filter value or format."""

    status = ExitStatus.USAGE


class CorpusError(VrmcError):
    """A corpus path that cannot be used at all (missing, not a folder)."""


class WriteError(VrmcError):
    """A file or folder that could not be written: a full disk or an I/O error exits 74
    (EX_IOERR), anything else (no permission, no such folder) 1."""

    def __init__(self, message: str, error: int | None = None) -> None:
        import errno

        super().__init__(message)
        full = (errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG)
        self.status = ExitStatus.IO_ERROR if error in full else ExitStatus.DATA_ERROR


class InvalidCorpus(VrmcError):
    """The corpus breaks FORMAT.md; carries every problem found."""

    what = "invalid corpus"  # how the last line of the report names the failure

    def __init__(self, problems: list[Problem]) -> None:
        # A file that could not be read or parsed first: it is the root cause of whatever
        # the rest of the corpus then misses (link.py marks those knock-on problems).
        self.problems = sorted(problems, key=lambda p: (not unreadable(p), p))
        files = len({p.path for p in self.problems})
        noun = "problem" if len(self.problems) == 1 else "problems"
        where = "file" if files == 1 else "files"
        super().__init__(f"{len(self.problems)} {noun} in {files} {where}")


class StrictProblems(InvalidCorpus):
    """The corpus is valid but fails the tradecraft checks of `vrmc validate --strict`."""

    what = "strict checks failed"
