"""What the sample generator names in both languages (console.sample.generate): the titles of the
datasets it makes, the reason its sample ingest history gives, and its refusal to overwrite one."""

from __future__ import annotations

from console.words import Catalogue

SAMPLE = Catalogue(
    "sample",
    {
        # The manifest's title and title_en (console.sample.generate.manifest_for).
        "title": (
            "驻马店市开发区三年行动方案监测（示例进度数据）",
            "Zhumadian development zones action plan monitor (sample progress data)",
        ),
        "synthetic_title": (
            "合成数据集：{zones}个开发区（示例数据）",
            "Synthetic dataset: {zones} zones (sample data)",
        ),
        # The sample history entry's reason, both languages in one journal field ("zh / en").
        "revision_reason": (
            "示例数据：季度报告修订上季度数据",
            "sample: a quarterly report revised the previous quarter",
        ),
        "dataset_exists": (
            "{out} 已有数据集（{name}）；如要替换，请加 --force",
            "{out} already holds a dataset ({name}); use --force to replace it",
        ),
    },
)
