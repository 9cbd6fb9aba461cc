"""PDF from a Word document or a workbook, through LibreOffice (``soffice --headless``) when installed.

Offices circulate PDFs: ``bulletin --format pdf`` converts the Word 通报 and ``export --format pdf`` a
view's workbook. LibreOffice is a system program, not a Python package, so it is looked up on the PATH
(and at its usual macOS place); without it :class:`PdfUnavailable` names the packages to install.

Each conversion runs in a private, throw-away LibreOffice profile (``-env:UserInstallation``): two
conversions sharing the user's profile make one fail silently, and a user with LibreOffice open would
have the job handed to that window. soffice's exit code is 0 even when it converted nothing, so the
result is judged by the file it leaves (a PDF starts with ``%PDF-``). On a timeout the whole process
group is killed (the ``soffice`` script and ``soffice.bin``). The fontconfig file beside this module
(``fonts.conf``) is handed to LibreOffice alone: it sends the GB/T 9704 faces a server rarely has to a
serif (仿宋, 宋体, 小标宋, 楷体) or a sans (黑体) instead of one sans for all. The caller places the bytes
(numbering, ``--force``, the manifest) like every other format.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from console.words import Lang
from console.words.pdf import PDF

FONTS_CONF = Path(__file__).with_name("fonts.conf")
# soffice's own names, then where the macOS app keeps it (not on the PATH there).
_NAMES = ("soffice", "libreoffice")
_MAC_APP = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
# The first start on a cold, busy machine is slow; a bulletin converts in about 5 s once warm.
TIMEOUT = 180.0
# Noise soffice prints on every run where no Java is installed; not a reason worth showing.
# not words: soffice's own output, matched to be dropped
_NOISE = ("javaldx", "java may not function")


class PdfError(Exception):
    """A PDF could not be made; :meth:`text` says why in the user's language."""

    def text(self, lang: Lang = "zh") -> str:  # pragma: no cover - overridden
        raise NotImplementedError


class PdfUnavailable(PdfError):
    """LibreOffice is not installed (or not on the PATH)."""

    def text(self, lang: Lang = "zh") -> str:
        return PDF("unavailable", lang)


class PdfFailed(PdfError):
    """LibreOffice ran but left no PDF, or did not finish in time."""

    def __init__(self, detail: str = "", seconds: float | None = None) -> None:
        super().__init__(detail if seconds is None else f"{seconds:g} s")
        self.detail = detail
        self.seconds = seconds

    def text(self, lang: Lang = "zh") -> str:
        if self.seconds is not None:
            return PDF("timed_out", lang, seconds=f"{self.seconds:g}")
        return PDF("failed", lang, detail=self.detail or PDF("no_detail", lang))


def soffice_path() -> str | None:
    """The LibreOffice program to run, or None when it is not installed."""
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return str(_MAC_APP) if _MAC_APP.is_file() else None


def pdf_available() -> bool:
    """Whether a PDF can be made on this machine (LibreOffice found)."""
    return soffice_path() is not None


def _reason(stderr: bytes, returncode: int | None) -> str:
    lines = [
        line.strip()
        for line in stderr.decode("utf-8", "replace").splitlines()
        if line.strip() and not any(noise in line for noise in _NOISE)
    ]
    return "; ".join(lines)[:300] or (f"exit {returncode}" if returncode else "")


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    if FONTS_CONF.is_file():
        env["FONTCONFIG_FILE"] = str(FONTS_CONF)
    return env


def _run(command: list[str], timeout: float) -> tuple[bytes, int | None]:
    """Run soffice in its own process group; kill the whole group on a timeout or an interruption."""
    proc = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_environment(),
        start_new_session=True,
    )
    try:
        _, err = proc.communicate(timeout=timeout)
    except BaseException as exc:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        if isinstance(exc, subprocess.TimeoutExpired):
            raise PdfFailed(seconds=timeout) from None
        raise
    return err, proc.returncode


def to_pdf(src: Path, *, timeout: float = TIMEOUT) -> bytes:
    """The PDF LibreOffice makes of ``src`` (a .docx or .xlsx), as bytes; nothing is left on disk.

    Raises :class:`PdfUnavailable` without LibreOffice and :class:`PdfFailed` when it makes no PDF.
    """
    exe = soffice_path()
    if exe is None:
        raise PdfUnavailable()
    with tempfile.TemporaryDirectory(prefix="devzones-pdf-") as tmp:
        work = Path(tmp)
        # A copy under a plain ASCII name: LibreOffice names its output after the input's stem.
        source = work / f"document{src.suffix.lower()}"
        shutil.copyfile(src, source)
        outdir = work / "out"
        command = [
            exe,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(source),
        ]
        err, code = _run(command, timeout)
        made = outdir / "document.pdf"
        data = made.read_bytes() if made.is_file() else b""
    if not data.startswith(b"%PDF-"):
        raise PdfFailed(_reason(err, code))
    return data
