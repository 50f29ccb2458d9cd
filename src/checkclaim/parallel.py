"""Checking a batch in several processes: results in input order, input streamed.

Each worker loads the index once (from the cache, so quickly) and checks chunks of
statements. The parent reads the input a chunk at a time and keeps only a few chunks in
flight, so memory does not grow with the input, and it yields each chunk's results in the
order the chunks were read. It also does what `pipeline.check_many` does around each check,
so that the output is the same byte for byte: a statement seen before is judged once (only
statements not seen before go to a worker), items that could not be read become `error`
results in their place, and an item's extra fields are carried to its result. A small batch,
or `jobs` of 1, is checked in this process: starting workers would cost more than it saves.
`jobs` of 0 (the command line's default) means one worker per usable core. Where workers are
forked, they inherit the parent's loaded index instead of loading it again.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Generator, Iterable, Iterator, MutableMapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from itertools import chain, islice
from pathlib import Path
from typing import Any

from checkclaim.errors import CheckclaimError
from checkclaim.models import Result
from checkclaim.pipeline import Item, Loaded, check_many, load_index

CHUNK = 256  # statements a task: large enough that passing them between processes is cheap
IN_FLIGHT = 2  # chunks queued a worker: enough to keep it busy, few enough to keep memory flat
MIN_BATCH = 2 * CHUNK  # fewer statements than this are checked in this process
MEMO = 100_000  # distinct statements remembered, as pipeline.check_many does


def check_parallel(
    items: Iterable[Item | str],
    claims_path: str | Path | None,
    jobs: int,
    explain: bool = False,
    encoding: str | None = None,
    loaded: Loaded | None = None,
) -> Generator[Result, None, None]:
    """Verdicts for a stream of statements, in input order, checked by `jobs` processes (0:
    one per usable core). `loaded` is the index of `claims_path` when the caller has it.

    The results are the same as `pipeline.check_many` gives, in the same order. Closing the
    generator early stops the workers.
    """
    stream = iter(items)
    head = list(islice(stream, MIN_BATCH))
    jobs = _cpus() if jobs <= 0 else min(jobs, _cpus())
    if jobs <= 1 or len(head) < MIN_BATCH:
        index = loaded if loaded is not None else load_index(claims_path, encoding)
        yield from check_many(chain(head, stream), index, explain)
        return
    yield from _pooled(chain(head, stream), claims_path, jobs, explain, encoding, loaded)


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def _context() -> multiprocessing.context.BaseContext:
    # fork starts a worker in milliseconds and shares the imported modules; it is only safe
    # where it is the platform's own default (macOS frameworks and Windows cannot fork).
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class _Batch:
    """The parent's side of check_many: what is sent to the workers, and the results put
    back in input order."""

    def __init__(self) -> None:
        self.memo: dict[str, Result] = {}
        self.planned: set[str] = set()  # statements sent once, whose result goes in the memo

    def plan(self, chunk: list[Item]) -> tuple[list[str], list[bool]]:
        """The statements of a chunk a worker must check, and for each item whether its
        result is one of those (else it is an error, or a statement judged before)."""
        todo: list[str] = []
        sent: list[bool] = []
        for item in chunk:
            text = item.statement
            send = not item.error and text not in self.planned
            if send:
                todo.append(text)
                if len(self.planned) < MEMO:
                    self.planned.add(text)
            sent.append(send)
        return todo, sent

    def results(
        self, chunk: list[Item], sent: list[bool], future: Future[_Outcome]
    ) -> Iterator[Result]:
        checked, failure = future.result()
        fresh = iter(checked)
        for item, is_new in zip(chunk, sent, strict=True):
            if item.error:
                extra = dict(item.extra or {})
                yield Result(item.statement, "error", message=item.error, extra=extra)
                continue
            if is_new:
                result = next(fresh, None)
                if result is None:  # the worker stopped at this statement
                    raise _error(failure or f"{_BUG}a worker returned too few results")
                if item.statement in self.planned and item.statement not in self.memo:
                    self.memo[item.statement] = result
            else:
                result = self.memo[item.statement]
            if item.extra:
                result = replace(result, extra={**item.extra, **result.extra})
            yield result


def _pooled(
    items: Iterator[Item | str],
    claims_path: str | Path | None,
    jobs: int,
    explain: bool,
    encoding: str | None,
    loaded: Loaded | None = None,
) -> Iterator[Result]:
    global _inherited
    path = None if claims_path is None else str(claims_path)
    # A forked worker inherits unwritten output; flushed now, it cannot be written twice.
    sys.stdout.flush()
    sys.stderr.flush()
    context = _context()
    forked = context.get_start_method() == "fork"
    if forked:
        _inherited = loaded  # a forked worker starts with this index, without loading it
        # and the collector leaves what it inherits alone: scanning it would copy every page
        gc.freeze()
    # concurrent.futures rather than multiprocessing.Pool: a worker that dies (killed, out of
    # memory) breaks the executor with an error instead of leaving its task waiting forever.
    executor = ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start, initargs=(path, encoding, explain)
    )
    batch = _Batch()
    pending: deque[tuple[list[Item], list[bool], Future[_Outcome]]] = deque()
    finished = False
    try:
        chunks = _chunks(items, CHUNK)
        while True:
            try:
                chunk = next(chunks)
            except StopIteration:
                break
            except Exception:
                # The input broke off (a file that cannot be read further): what came before
                # it is still reported, as it would be in one process, then the error.
                while pending:
                    yield from batch.results(*pending.popleft())
                raise
            todo, sent = batch.plan(chunk)
            pending.append((chunk, sent, executor.submit(_work, todo)))
            if len(pending) >= jobs * IN_FLIGHT:
                yield from batch.results(*pending.popleft())
        while pending:
            yield from batch.results(*pending.popleft())
        finished = True
    except BrokenProcessPool as e:  # from submit() or result(), whichever notices first
        raise RuntimeError(
            "a worker process stopped unexpectedly (out of memory?); try fewer --jobs"
        ) from e
    finally:
        manager = getattr(executor, "_executor_manager_thread", None)  # gone after shutdown
        if not finished:
            # the reader stopped early (a closed pipe, Ctrl-C, an error): stop the workers now
            # rather than after the chunks they hold
            _terminate(executor)
        executor.shutdown(wait=True, cancel_futures=True)
        _forget(manager)
        _inherited = None
        if forked:
            gc.unfreeze()  # the parent's objects are the collector's again


def _forget_inherited_executors() -> None:
    """In a forked worker: the parent's executors are not this process's to wake at exit."""
    from concurrent.futures import process

    wakeups = getattr(process, "_threads_wakeups", None)
    if isinstance(wakeups, MutableMapping):
        wakeups.clear()


def _forget(manager: Any) -> None:
    """Keep a shut-down executor out of the interpreter's exit hook. On CPython 3.11 that hook
    may wake the executor's thread through a pipe the thread is closing, and print a traceback
    (python/cpython#125451). A stopped executor's thread is finishing on its own: it is waited
    for here, then needs no waking."""
    from concurrent.futures import process

    if manager is None:
        return
    manager.join(timeout=10)
    wakeups = getattr(process, "_threads_wakeups", None)
    if isinstance(wakeups, MutableMapping) and not manager.is_alive():
        wakeups.pop(manager, None)


def _terminate(executor: ProcessPoolExecutor) -> None:
    executor.shutdown(wait=False, cancel_futures=True)
    stop = getattr(executor, "terminate_workers", None)  # Python 3.14
    if stop is not None:
        stop()
        return
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        process.terminate()


def _chunks(items: Iterator[Item | str], size: int) -> Iterator[list[Item]]:
    """Lists of `size` items; when reading fails, the items read before it come first."""
    chunk: list[Item] = []
    try:
        for item in items:
            chunk.append(Item(item) if isinstance(item, str) else item)
            if len(chunk) == size:
                yield chunk
                chunk = []
    except Exception:
        if chunk:
            yield chunk
        raise
    if chunk:
        yield chunk


# --- in the worker --------------------------------------------------------------------------

# What a chunk gives back: the results of its statements in order, and the message of an
# error that stopped it before the end ("" when none did).
_Outcome = tuple[list[Result], str]

_loaded: Loaded | None = None
_inherited: Loaded | None = None  # set in the parent just before it forks its workers
_explain = False
_failure = ""
_BUG = "bug: "  # marks a failure that is not the user's to fix


def _start(path: str | None, encoding: str | None, explain: bool) -> None:
    """Load the index once per worker. An error is kept for the first chunk to report: an
    initializer that raises only breaks the executor, and its message is lost."""
    global _loaded, _explain, _failure
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # The parent stops a worker with SIGTERM: it ends at once, without the parent's handler
    # (inherited through fork) or its exit hooks, which would wake the parent's executor
    # through pipes this process does not own and print a traceback.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _forget_inherited_executors()
    _explain = explain
    if _inherited is not None:
        _loaded = _inherited
        return
    try:
        _loaded = load_index(path, encoding)
    except CheckclaimError as e:
        _failure = str(e)
    except Exception as e:  # a bug; the parent reports it as one
        _failure = f"{_BUG}a worker could not load the claims: {type(e).__name__}: {e}"


def _work(statements: list[str]) -> _Outcome:
    if _loaded is None:
        return [], _failure or f"{_BUG}a worker has no index"
    results: list[Result] = []
    try:
        for result in check_many(statements, _loaded, _explain):
            results.append(result)
    except CheckclaimError as e:
        # sent as text: an exception whose __init__ takes other arguments cannot be unpickled
        return results, str(e)
    return results, ""


def _error(failure: str) -> Exception:
    if failure.startswith(_BUG):
        return RuntimeError(failure[len(_BUG) :])
    return CheckclaimError(failure)
