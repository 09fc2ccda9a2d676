#!/usr/bin/env python3
"""Writes rasterizer-scaling.svg from the figures measured with `c3v bench render` (docs/benchmarks.md,
section Rasterizer). Plain Python, no dependencies: python3 docs/images/rasterizer-scaling.py"""
import os

# CPU ms per frame (all threads), 2 threads. Session 2 = this section's table; session 1 = its predecessor.
RESOLUTION = {  # megapixels -> (forward, backward)
    "session 2": {0.068: (42.7, 78.1), 0.272: (67.6, 103.3), 0.922: (114.1, 191.9), 2.074: (186.1, 319.2)},
    "session 1": {0.068: (106, 107), 0.272: (184, 191), 0.922: (385, 414), 2.074: (703, 798)},
}
GRID = {  # million Gaussians (garden tiled N×N) at 1280×720 -> (forward, backward)
    "session 2": {0.112: (114.1, 191.9), 0.447: (123.9, 193.1), 1.006: (260.2, 415.3), 2.795: (381.0, 615.1)},
    "session 1": {0.112: (385, 414), 0.447: (326, 333), 1.006: (749, 733), 2.795: (937, 874)},
}
SERIES = [("session 2", 0, "forward", "#1f77b4", ""), ("session 2", 1, "backward", "#d62728", ""),
          ("session 1", 0, "forward, session 1", "#9ecae1", "6,4")]


def panel(x0, title, xlabel, data, ymax):
    out = [f'<text x="{x0 + 180}" y="30" text-anchor="middle" font-size="14">{title}</text>',
           f'<line x1="{x0}" y1="320" x2="{x0 + 360}" y2="320" stroke="black"/>',
           f'<line x1="{x0}" y1="60" x2="{x0}" y2="320" stroke="black"/>',
           f'<text x="{x0 + 180}" y="360" text-anchor="middle">{xlabel}</text>']
    xmax = max(max(d) for d in data.values()) * 1.05
    for k in range(5):
        v = ymax * k / 4
        y = 320 - 260 * k / 4
        out.append(f'<text x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end">{v:.0f}</text>')
        out.append(f'<line x1="{x0}" y1="{y:.1f}" x2="{x0 + 360}" y2="{y:.1f}" stroke="#ddd"/>')
    for xv in sorted(data["session 2"]):
        out.append(f'<text x="{x0 + 360 * xv / xmax:.1f}" y="336" text-anchor="middle" font-size="10">{xv:g}</text>')
    for name, col, _, colour, dash in SERIES:
        pts = [(x0 + 360 * xv / xmax, 320 - 260 * v[col] / ymax) for xv, v in sorted(data[name].items())]
        style = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2"{style} points="'
                   + " ".join(f"{x:.1f},{y:.1f}" for x, y in pts) + '"/>')
        out += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>' for x, y in pts]
    return out


def main():
    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="920" height="420" font-family="sans-serif" font-size="12">',
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="30" y="190" text-anchor="middle" transform="rotate(-90 30 190)">CPU ms per frame (median, 2 threads)</text>']
    svg += panel(90, "garden (111,785 Gaussians): resolution", "megapixels", RESOLUTION, 1000)
    svg += panel(530, "garden tiled N×N at 1280×720", "million Gaussians (N = 1, 2, 3, 5)", GRID, 1000)
    for i, (_, _, label, colour, dash) in enumerate(SERIES):
        x = 120 + 250 * i
        style = f' stroke-dasharray="{dash}"' if dash else ""
        svg.append(f'<line x1="{x}" y1="395" x2="{x + 30}" y2="395" stroke="{colour}" stroke-width="2"{style}/>')
        svg.append(f'<text x="{x + 36}" y="399">{label}</text>')
    svg.append("</svg>")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rasterizer-scaling.svg")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(svg) + "\n")


if __name__ == "__main__":
    main()
