"""``devzones serve`` in headless chromium (issue 23): the page, the overview, a tab switch, an export
delivered as a download equal to the CLI's, separate sessions, and nothing written on the server.

One server and one browser for the module (each start costs seconds); each test opens its own tabs.
"""

from __future__ import annotations

import hashlib
import shutil
import time
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console.cli import EXIT_OK, main
from console.core.paths import embedded_data_dir
from tests.support.web import Tab, browser, needs_browser, served

pytestmark = [pytest.mark.slow, needs_browser]

TITLE = "驻马店市开发区三年行动方案监测"
LINK = "/?tab=zones&county=上蔡县&year=2025"


def _files(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and a digest of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A server on a copy of the embedded data, started in an empty folder, its settings in a home."""
    root = tmp_path_factory.mktemp("served")
    data, cwd, home = root / "data", root / "cwd", root / "home"
    shutil.copytree(embedded_data_dir(), data)
    cwd.mkdir()
    home.mkdir()
    with served("--data", str(data), cwd=cwd, home=home) as (url, process):
        yield {"url": url, "data": data, "cwd": cwd, "home": home, "before": _files(data), "process": process}


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with browser() as opened:
        yield opened


def test_the_page_names_the_plan_and_draws_the_overview(server: dict[str, Any], chromium: Any) -> None:
    tab = Tab(chromium, server["url"])
    try:
        tab.page.wait_for_selector("body.-first-byte", timeout=60_000)
        assert tab.page.title() == TITLE
        tab.wait_for("概览", "主要目标", "全部县区")  # the tabs, the overview's first block, no filter
        before = tab.press("2")
        tab.wait_for("未达目标", "报送", since=before)  # the zones table's headings
    finally:
        tab.close()


def test_an_export_arrives_as_a_zip_whose_data_equals_the_cli_export(
    server: dict[str, Any], chromium: Any, tmp_path: Path
) -> None:
    """From a link's view (zones, one county, 2025): the CSV in the zip is byte for byte the CLI's
    export of the same view; the manifest beside it says what it is (names differ by their time)."""
    tab = Tab(chromium, server["url"] + LINK)
    try:
        tab.wait_for("未达目标", "上蔡县", "2025年")
        tab.open_with("e", "CSV", "下载到浏览器")  # the dialog, its folder the browser
        tab.settle()  # the dialog drawn whole, its format list focused
        before = tab.press("ArrowLeft")  # from XLSX to CSV
        tab.wait_for("CSV", since=before)  # the format line drawn again, CSV chosen
        tab.settle()
        tab.press("Enter")
        tab.press("Control+s")
        download = tab.wait_for_download()
        archive = zipfile.ZipFile(download.path())
        assert download.suggested_filename.endswith(".zip")
    finally:
        tab.close()
    names = archive.namelist()
    assert len(names) == 2 and names[0].endswith(".csv") and names[1] == names[0] + ".manifest.toml"
    manifest = tomllib.loads(archive.read(names[1]).decode("utf-8"))["export"]
    assert manifest["view"] == "zones" and manifest["year"] == 2025 and manifest["counties"] == ["上蔡县"]
    assert manifest["files"] == [names[0]]
    assert "devzones-served-" not in manifest["command"] and names[0] in manifest["command"]  # no server path
    out = tmp_path / "cli.csv"
    args = ["export", "--data", str(server["data"]), "--view", "zones", "--format", "csv"]
    assert main([*args, "--county", "上蔡县", "--year", "2025", "--out", str(out)]) == EXIT_OK
    assert archive.read(names[0]) == out.read_bytes()


def test_the_bulletin_arrives_as_a_zip_with_its_manifest(server: dict[str, Any], chromium: Any) -> None:
    tab = Tab(chromium, server["url"])
    try:
        tab.wait_for("主要目标")
        tab.open_with("b", "月度通报", "下载到浏览器")
        tab.press("Enter")  # the default month, Markdown
        names = zipfile.ZipFile(tab.wait_for_download().path()).namelist()
    finally:
        tab.close()
    assert len(names) == 2 and names[0].endswith(".md") and names[1] == names[0] + ".manifest.toml"


def test_two_sessions_keep_separate_views(server: dict[str, Any], chromium: Any) -> None:
    """One tab opened from a link, one plain; each shows its own view, and a tab opened after both
    starts from the defaults, not from what the others chose."""
    linked, plain = Tab(chromium, server["url"] + LINK), Tab(chromium, server["url"])
    try:
        linked.wait_for("未达目标", "上蔡县")
        plain.wait_for("主要目标", "全部县区")
        before = plain.press("3")  # clusters, in the plain tab only
        plain.wait_for("产业集群", since=before)
        moved = len(linked.frames)
        time.sleep(1)
        assert "主要目标" not in linked.text() and "上蔡县" not in plain.text()
        assert "产业集群" not in linked.text(moved)  # nothing the plain tab did reached the linked one
        later = Tab(chromium, server["url"])
        try:
            later.wait_for("主要目标", "全部县区")  # the overview, unfiltered
            assert "上蔡县" not in later.text()
        finally:
            later.close()
    finally:
        linked.close()
        plain.close()


def test_a_browser_session_writes_nothing_on_the_server(server: dict[str, Any], chromium: Any) -> None:
    """Read-only: after the sessions above (an export among them) and one more that quits, the data
    folder is byte for byte as it was, the server's folder holds nothing, and no view was remembered."""
    tab = Tab(chromium, server["url"] + LINK)
    try:
        tab.wait_for("未达目标")
        tab.press("q")
        tab.page.wait_for_selector("body.-closed", timeout=30_000)  # the page says the session ended
        assert tab.page.inner_text(".closed-dialog .message") == "会话已结束。"  # in the server's language
    finally:
        tab.close()
    assert _files(server["data"]) == server["before"]
    assert list(server["cwd"].iterdir()) == []
    assert not (server["home"] / "state").exists()
    assert server["process"].poll() is None  # the server serves on after its sessions ended
