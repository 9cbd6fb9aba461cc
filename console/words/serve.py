"""The words of ``devzones serve`` (console.cli.serve, console.cli.served_server) and of a console
served in a browser (console.tui.served): the command's help, what it prints, and the served
session's toasts. Data only."""

from __future__ import annotations

from console.words import Catalogue

SERVE = Catalogue(
    "serve",
    {
        # The command's help (console.cli.serve.add_serve_command)
        "help": (
            "在浏览器中提供交互界面（每个浏览器标签页一个独立会话；只读）",
            "serve the console to web browsers (one session per browser tab; read-only)",
        ),
        "description": (
            "在浏览器中提供交互界面，供不用终端的同事使用。\n"
            "每个浏览器标签页启动一个独立的 devzones 进程，从默认视图（或网址参数\n"
            "“?tab=&county=&year=”所指的视图）开始，不读写记住的视图；导出和通报以一个压缩包\n"
            "（文件及其清单）下载到浏览器，不写入服务器。\n"
            "devzones 不做登录：默认只监听 127.0.0.1，对外请放在单位的反向代理（基本认证或统一登录）\n"
            "之后，见说明文档“Serving in a browser”一节。",
            "Serve the console to web browsers, for colleagues who have no SSH client.\n"
            "Each browser tab starts its own devzones process, which opens on the default view (or on\n"
            "?tab=&county=&year= from the address), never on a remembered one; exports and bulletins\n"
            "arrive in the browser as a download (a zip of the file and its manifest), and nothing is\n"
            "written on the server.\n"
            "devzones does no logins: it listens on 127.0.0.1 unless told otherwise; put it behind a\n"
            "reverse proxy (nginx with basic auth or the office's single sign-on):\n"
            'see README "Serving in a browser".',
        ),
        "examples": (
            "示例：\n  devzones serve\n  devzones serve --port 8000 --public-url https://devzones.example.gov.cn",
            "examples:\n  devzones serve\n  devzones serve --port 8000 --public-url https://devzones.example.gov.cn",
        ),
        "mv_host": ("地址", "HOST"),
        "mv_port": ("端口", "PORT"),
        "mv_url": ("网址", "URL"),
        "opt_host": (
            "监听的地址（默认 127.0.0.1，只有本机可以连接）",
            "the address to listen on (default 127.0.0.1: only this machine can connect)",
        ),
        "opt_port": ("监听的端口（默认 8000）", "the port to listen on (default 8000)"),
        "port_range": ("端口须在 1 到 65535 之间，而不是 {value}", "a port is from 1 to 65535, not {value}"),
        "opt_public_url": (
            "浏览器访问的外部地址（在反向代理之后时，如 https://devzones.example.gov.cn）",
            "the address browsers use (behind a reverse proxy, e.g. https://devzones.example.gov.cn)",
        ),
        # What the command prints (console.cli.serve)
        "title": ("驻马店市开发区三年行动方案监测", "Zhumadian development zones: three-year action plan"),
        "serving": ("在浏览器中打开：{url}", "Open in a browser: {url}"),
        "stop": ("按 Ctrl+C 停止", "Press Ctrl+C to stop"),
        "port_taken": (
            "端口 {port} 已被占用（{host}）：请用 --port 换一个端口，或先停止占用它的程序",
            "port {port} is already in use ({host}): choose another with --port, or stop the program using it",
        ),
        "cannot_listen": (
            "无法在 {host}:{port} 上监听：{reason}",
            "cannot listen on {host}:{port}: {reason}",
        ),
        "missing": (
            "devzones serve 需要 textual-serve：pip install 'devzones[web]'"
            "（用 pipx 安装的：pipx inject devzones textual-serve）",
            "devzones serve needs textual-serve: pip install 'devzones[web]'"
            " (installed with pipx: pipx inject devzones textual-serve)",
        ),
        # The page around the console (console/cli/serve_page/app_index.html)
        "page_lang": ("zh-CN", "en"),
        "page_start": ("开始", "Start"),
        "page_ended": ("会话已结束。", "Session ended."),
        "page_restart": ("重新开始", "Restart"),
        # A served session (console.tui.served)
        "to_browser": ("（下载到浏览器）", "(download to the browser)"),
        "delivering": (
            "正在下载到浏览器：{name}（zip 内含文件及其清单）",
            "Downloading to the browser: {name} (a zip of the file and its manifest)",
        ),
        "delivery_failed": (
            "下载未完成：{name}（{reason}）；请重试，或允许本网站弹出窗口",
            "The download did not complete: {name} ({reason}); try again, or allow pop-ups for this site",
        ),
    },
)
