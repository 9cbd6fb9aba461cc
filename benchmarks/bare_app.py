"""The baseline for the start-up benchmark: a bare Textual app with tabs and a DataTable."""

from textual.app import App, ComposeResult
from textual.widgets import DataTable, TabbedContent, TabPane

ROWS = [(f"开发区{i:02d}", f"县{i:02d}", "二档", "一星", f"{70 + i}%") for i in range(11)]


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        with TabbedContent():
            with TabPane("开发区"):
                yield DataTable()
            for name in ("产业集群", "重点任务", "排名", "概览"):
                with TabPane(name):
                    yield DataTable()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("开发区", "县区", "档级", "星级", "营收")
        table.add_rows(ROWS)
        table.add_row("READY-MARK", "", "", "", "")


if __name__ == "__main__":
    Bare().run()
