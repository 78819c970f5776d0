"""Time limits: of the patterns of data rules, and the budget of every code rule.

Rules whose regular expressions come from YAML (the shipped data rules and a newsroom's
own ``rule_files``) run them with a time limit, so a pattern that backtracks
catastrophically cannot hang a check.

The limit itself (the config key ``regex_timeout``, scaled by the text's length) is
`sportlint.rules.kinds.timelimit`, which the data-rule kinds pass to ``regex``. A rule
that runs out of time raises ``TimeoutError`` (the ``regex`` module does); the linter then
drops that rule's findings on that text, keeps every other rule's, and records a
`RuleProblem` that the CLI reports (exit code 2: the check is incomplete) and the API
returns on ``findings.problems``.
"""

from __future__ import annotations

import signal
import threading
import time
import warnings
from collections.abc import Callable
from typing import Any

from sportlint.findings import RuleProblem
from sportlint.italian import resources


def timeout_problem(rule: str, seconds: float, path: str | None) -> RuleProblem:
    return RuleProblem(rule, f"its pattern took more than {seconds:g} s (catastrophic "
                             "backtracking?); its findings on this file are missing", path)


class RuleProblemWarning(UserWarning):
    """Issued by the API (`lint_text`, `fix_text`) for each rule that could not finish."""


def warn(problems: list[RuleProblem]) -> None:
    for p in problems:
        warnings.warn(f"{p.path or '<text>'}: {p.describe()}", RuleProblemWarning, stacklevel=3)


# --- the time budget of a code rule ---------------------------------------------------
#
# A code rule (rules/<family>/<name>.py) has ``rule_timeout`` seconds (config, default 10)
# per document of up to a million characters, more in proportion, like a YAML pattern's
# ``regex_timeout``. The time the shared resources take to load (the lexicon, the word
# lists: the first rule that asks pays it) is not counted. The budget is checked after
# each finding the rule yields and, in the main thread of a process where the system has
# interval timers (Unix), by a timer that interrupts a rule that runs without yielding.
# A rule out of time raises `RuleTimeout` inside itself; the linter drops its findings on
# that document and records a `RuleProblem`, as for a pattern.

#: the text length (code points) that ``rule_timeout`` seconds are granted for
PER_CHARS = 1_000_000
#: how often the timer looks again while a resource loads (seconds)
_RECHECK = 0.05


class RuleTimeout(BaseException):
    """A code rule ran out of its time budget on one document. Not an ``Exception``, as
    KeyboardInterrupt is not: a rule's own ``except Exception`` (around a network call, a
    lookup) must not swallow it and run on."""


def rule_budget(seconds: float, length: int) -> float:
    """The seconds one code rule may take on a text of ``length`` code points."""
    return min(seconds * max(1.0, length / PER_CHARS), 86_400.0)


def budget_problem(rule: str, seconds: float, path: str | None) -> RuleProblem:
    return RuleProblem(rule, f"it took more than {seconds:g} s on this file (rule_timeout); "
                             "its findings on this file are missing", path)


class Budget:
    """The clock of one rule on one document: ``check()`` raises RuleTimeout once the
    budget (plus the time resources took to load meanwhile) has passed; as a context
    manager it also arms the interval timer, where there is one. With an `Alarm` (one
    SIGALRM handler for all the rules of a lint) it only sets the timer; without one it
    installs its own handler, as a lone budget must."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic,
                 alarm: Alarm | None = None) -> None:
        self.seconds = seconds
        self._clock = clock
        self._start = clock()
        self._loads = resources.loading_seconds()
        self._armed = False
        self._previous: Any = None
        self._alarm = alarm

    def expired(self) -> bool:
        spent = self._clock() - self._start - (resources.loading_seconds() - self._loads)
        return spent > self.seconds and not resources.is_loading()

    def check(self) -> None:
        if self.expired():
            raise RuleTimeout(self.seconds)

    def __enter__(self) -> Budget:
        alarm = self._alarm
        if alarm is not None:
            if alarm.installed:
                alarm.budget = self
                signal.setitimer(signal.ITIMER_REAL, self.seconds)
                self._armed = True
        elif _can_interrupt():
            self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self._armed = True
        return self

    def __exit__(self, *exc: object) -> None:
        if self._armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            if self._alarm is not None:
                self._alarm.budget = None
            else:
                signal.signal(signal.SIGALRM, self._previous)
            self._armed = False

    def _on_alarm(self, signum: int, frame: Any) -> None:
        if self.expired():
            signal.setitimer(signal.ITIMER_REAL, 0)
            raise RuleTimeout(self.seconds)
        # a resource was loading, or its load time extends the budget: look again later
        signal.setitimer(signal.ITIMER_REAL, _RECHECK)


class Alarm:
    """One SIGALRM handler for the budgets of all the rules of one lint (installing a
    handler per rule cost more than some rules do on a short text): within ``with
    Alarm() as alarm``, ``Budget(seconds, alarm=alarm)`` only sets the interval timer, and
    the handler passes the alarm to the budget running then. Installed only where
    `_can_interrupt`; the previous handler is put back on exit."""

    def __init__(self) -> None:
        self.installed = False
        self.budget: Budget | None = None
        self._previous: Any = None

    def __enter__(self) -> Alarm:
        if _can_interrupt():
            self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
            self.installed = True
        return self

    def __exit__(self, *exc: object) -> None:
        if self.installed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)
            self.installed = False
            self.budget = None

    def _on_alarm(self, signum: int, frame: Any) -> None:
        if self.budget is not None:
            self.budget._on_alarm(signum, frame)


def _can_interrupt() -> bool:
    """An interval timer can interrupt a rule: Unix, the main thread, and no other user of
    SIGALRM (a host program's own handler is left alone)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    return signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None) and \
        signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
