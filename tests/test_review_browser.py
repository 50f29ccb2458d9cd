"""The HTML report in a real headless browser (Debian's `chromium`, which `.ci/run` installs).

Without chromium these tests skip, saying so. To refresh the screenshot in the README:

    cd tests/data/drafts && checkclaim review haiti-briefing.md -F html -o /tmp/r.html --force
    chromium --headless --no-sandbox --disable-gpu --screenshot=docs/review-report.png \
        --window-size=1200,900 file:///tmp/r.html
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from checkclaim import draft as dr
from checkclaim import pipeline
from checkclaim import review_report as rr

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (Debian: apt-get install chromium); "
    "the HTML report is not tried in a browser",
)

BRIEFING = Path(__file__).parent / "data" / "drafts" / "haiti-briefing.md"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dr.Review]:
    review = dr.review_drafts([dr.read_draft(str(BRIEFING))], pipeline.load_index())
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(rr.html_text(review), encoding="utf-8")
    return path, review


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        "--enable-logging=stderr",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)


def test_highlights_and_evidence_exist_after_rendering(
    page: tuple[Path, dr.Review], tmp_path: Path
) -> None:
    path, review = page
    done = chromium(tmp_path, "--dump-dom", path.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert "Uncaught" not in done.stderr, done.stderr[-2000:]  # no script error in the console
    spans = re.findall(r'<span class="s ([a-z]+)[^"]*" id="s0-(\d+)"', dom)
    checked = [(f.verdict, str(f.index)) for f in review.findings if f.checked]
    assert spans == checked
    assert {"supported", "contradicted"} <= {v for v, _ in spans}
    # the script ran: the first contradicted sentence is shown in the panel with its evidence
    assert re.search(r'class="s contradicted active"', dom)
    panel = dom[dom.index('id="panel-0"') :]
    assert "The article says:" in panel[:3000]
    assert "<blockquote" in panel[:3000]
    assert '<mark class="x">' in dom


def test_screenshot(page: tuple[Path, dr.Review], tmp_path: Path) -> None:
    path, _ = page
    shot = tmp_path / "report.png"
    done = chromium(
        tmp_path,
        f"--screenshot={shot}",
        "--window-size=1200,900",
        "--hide-scrollbars",
        path.as_uri(),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 900)
    assert len(data) > 20_000  # a page with text and colour, not a blank one
