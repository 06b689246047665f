"""Bar charts of feedback, drawn on the server with pygal as standalone SVG documents.

pygal writes its styles into the SVG, so a chart is served as its own image/svg+xml
response (with a CSP that allows only that inline style) and shown with <img>; the page
puts the same figures in a table beside it for screen readers and for printing.
"""

import pygal
from pygal.style import Style

STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1f2933",
    foreground_strong="#1f2933",
    foreground_subtle="#4a5563",
    colors=("#0b5cad",),
    font_family="system-ui, sans-serif",
    label_font_size=14,
    major_label_font_size=14,
    value_font_size=14,
)


def bar_chart_svg(title, bars):
    chart = pygal.HorizontalBar(
        style=STYLE,
        js=[],
        show_legend=False,
        print_values=True,
        width=640,
        height=max(160, 60 + 40 * len(bars)),
        title=title,
        truncate_label=40,
    )
    chart.x_labels = [label for label, _count in bars]
    chart.add("", [count for _label, count in bars])
    return chart.render()
