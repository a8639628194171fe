"""A value from a known set: the one check and the one "did you mean" of vrmc.

A command-line option or argument with a fixed set of values (`Option.choices`, checked by
commands.checked before a command runs), a value from a set the corpus defines (transfer
categories), a field value or name in a topic file, a git revision: each unknown value is
told the same way, `unknown WHAT 'x' (did you mean 'y'?); one of: a, b, c`, with at most
HINTS close values and SHOWN known ones listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .errors import UsageError
from .textsafe import quote

HINTS = 3  # close values a "did you mean" names, at most
SHOWN = 8  # known values a message lists, at most (then "and N more")
WIDTH = 40  # characters of a value a message shows, at most


def close(value: str, options: Iterable[str], n: int = HINTS, cutoff: float = 0.5) -> list[str]:
    """The options nearest `value` (ignoring case), nearest first, at most `n`."""
    import difflib  # here: only an unknown value needs it

    by_fold: dict[str, str] = {}
    for option in options:
        by_fold.setdefault(option.casefold(), option)
    found = difflib.get_close_matches(value.casefold(), sorted(by_fold), n=n, cutoff=cutoff)
    return [by_fold[f] for f in found]


def offer(shown: Sequence[str]) -> str:
    """` (did you mean 'x' or 'y'?)` for candidates already quoted (at most HINTS of them,
    nearest first), or nothing: the one wording of every hint, whoever ranks the candidates
    (`close` here; query.suggestions for names, aliases and respellings of entries)."""
    return " (did you mean " + " or ".join(shown[:HINTS]) + "?)" if shown else ""


def did_you_mean(value: str, options: Iterable[str], n: int = HINTS, cutoff: float = 0.5) -> str:
    """` (did you mean 'x' or 'y'?)` for the options nearest `value`, or nothing."""
    return offer([quote(c, WIDTH) for c in close(value, options, n, cutoff)])


def known(options: Sequence[str]) -> str:
    """`a, b, c` — the first SHOWN of `options`, then how many more."""
    shown = ", ".join(quote(o, WIDTH)[1:-1] for o in options[:SHOWN])
    more = len(options) - SHOWN
    return shown + (f" and {more} more" if more > 0 else "")


def unknown(what: str, value: str, options: Sequence[str]) -> UsageError:
    """`unknown WHAT 'x' (did you mean 'y'?); one of: a, b, c`."""
    return UsageError(
        f"unknown {what} {quote(value, WIDTH)}{did_you_mean(value, options)}; "
        f"one of: {known(options)}"
    )


def choose(what: str, value: str, options: Sequence[str]) -> str:
    """`value` as the option it names (ignoring case and surrounding space), or the usage
    error `unknown` gives."""
    wanted = value.strip().casefold()
    for option in options:
        if option.casefold() == wanted:
            return option
    raise unknown(what, value, options)
