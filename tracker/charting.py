"""Drawing a series: actual and target lines per place, derived points hollow, conflicts marked.

matplotlib is an optional extra (``pip install 'tracker[charts]'``); without it
``ChartError`` says how to get it.
"""
from __future__ import annotations

import warnings
from collections import defaultdict
from pathlib import Path

# Fonts that carry Chinese glyphs, the first one installed is used for place names.
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
             "SimHei", "Microsoft YaHei", "PingFang SC", "AR PL UMing CN")
CJK_FILES = ("wqy", "notosanscjk", "notosans-cjk", "sourcehansans", "simhei", "msyh")
FORMATS = (".png", ".svg")


class ChartError(Exception):
    """The chart cannot be drawn (no matplotlib, an unknown file type)."""


def _chinese_fonts(font_manager) -> list[str]:
    """Installed fonts with Chinese glyphs, best first; matplotlib's font cache predates
    fonts installed after it was built, so the system's font files are looked at too."""
    installed = {font.name for font in font_manager.fontManager.ttflist}
    if not installed & set(CJK_FONTS):
        for path in font_manager.findSystemFonts():
            if any(part in path.lower() for part in CJK_FILES):
                font_manager.fontManager.addfont(path)
        installed = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in CJK_FONTS if name in installed]


def draw_series(rows: list[dict], path: str, title: str) -> None:
    """Draw ``rows`` (series rows as dicts) to ``path`` (.png or .svg)."""
    if Path(path).suffix.lower() not in FORMATS:
        raise ChartError(f"{path}: a chart is written as .png or .svg")
    try:
        import matplotlib
    except ImportError:
        raise ChartError("drawing charts needs matplotlib: pip install 'tracker[charts]'") from None
    matplotlib.use("Agg")
    from matplotlib import font_manager, pyplot

    cjk = _chinese_fonts(font_manager)
    figure, axes = pyplot.subplots(figsize=(8, 4.5))
    lines = defaultdict(list)
    for row in rows:
        if row["value"] is not None:
            lines[(row["place"] or "?", row["kind"])].append(row)
    for (place, kind), points in sorted(lines.items()):
        points.sort(key=lambda r: r["year"])
        style = "-" if kind == "actual" else "--"
        drawn = axes.plot([r["year"] for r in points], [r["value"] for r in points], style, label=f"{place} {kind}")
        color = drawn[0].get_color()
        for row in points:
            axes.plot(row["year"], row["value"], "o", color=color,
                      markerfacecolor="white" if row["derived"] else color)
            if row["conflict"]:
                axes.annotate("≠", (row["year"], row["value"]), textcoords="offset points", xytext=(6, 6),
                              color="red", fontsize=14)
    unit = rows[0]["unit"] if rows else ""
    axes.set_xlabel("year")
    axes.set_ylabel(unit)
    axes.set_title(title, fontsize=9)
    axes.xaxis.get_major_locator().set_params(integer=True)
    if lines:
        axes.legend(fontsize=8, prop={"family": cjk[:1] or None, "size": 8})
    if cjk:
        axes.title.set_fontfamily(cjk[0])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing glyphs without a Chinese font: boxes, not a failure
        figure.savefig(path, bbox_inches="tight")
    pyplot.close(figure)
