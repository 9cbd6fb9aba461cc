"""What the PDF conversion (console.outputs.pdf) tells a user, in Chinese and English."""

from __future__ import annotations

from console.words import Catalogue

PDF = Catalogue(
    "pdf",
    {
        "unavailable": (
            "生成 PDF 需要 LibreOffice，本机未找到 soffice。"
            "Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk；"
            "其他系统请安装 LibreOffice 并把 soffice 加入 PATH",
            "PDF needs LibreOffice, and soffice was not found on this machine. "
            "Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk; "
            "elsewhere install LibreOffice and put soffice on the PATH",
        ),
        "timed_out": (
            "LibreOffice 在 {seconds} 秒内未完成 PDF 转换，已终止；未写出任何文件",
            "LibreOffice did not finish the PDF within {seconds} s and was stopped; nothing was written",
        ),
        "failed": (
            "LibreOffice 未能生成 PDF（{detail}）；未写出任何文件",
            "LibreOffice could not make the PDF ({detail}); nothing was written",
        ),
        "no_detail": ("没有说明原因", "it gave no reason"),
    },
)
