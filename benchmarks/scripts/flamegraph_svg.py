#!/usr/bin/python3
"""Folded stacks (async-profiler's `collapsed` output: `frame;frame;frame count` per line) to a static SVG flame
graph: roots at the bottom, each frame as wide as its share of the samples, frames below --min-width of the total
left out. async-profiler 2.x and later write interactive HTML flame graphs only, and no SVG flame graph tool is
packaged for this machine (Debian, Maven Central, offline), hence this small renderer.

  /usr/bin/python3 benchmarks/scripts/flamegraph_svg.py IN.collapsed OUT.svg --title "TTA source, ResNet-20"
"""
import argparse
import html
import zlib

ROW = 16
WIDTH = 1200


def fold(lines):
    root = {"name": "all", "value": 0, "children": {}}
    for line in lines:
        line = line.strip()
        if not line:
            continue
        stack, count = line.rsplit(" ", 1)
        count = int(count)
        root["value"] += count
        node = root
        for frame in stack.split(";"):
            node = node["children"].setdefault(frame, {"name": frame, "value": 0, "children": {}})
            node["value"] += count
    return root


def colour(name):
    """Java frames green, native code orange, kernel frames red, in shades stable per name."""
    shade = zlib.crc32(name.encode()) % 60
    if name.endswith("_[k]"):
        return f"rgb(230,{60 + shade},{60 + shade // 2})"
    if "/" in name or name.startswith("java.") or "." in name.split("(")[0] and "::" not in name:
        return f"rgb({60 + shade},{170 + shade // 2},{60 + shade // 3})"
    return f"rgb(235,{130 + shade},{40 + shade // 2})"


def render(root, title, min_width):
    scale = (WIDTH - 20) / max(1, root["value"])
    rects, depth = [], 0

    def walk(node, x, level):
        nonlocal depth
        width = node["value"] * scale
        if width < min_width:
            return
        depth = max(depth, level)
        rects.append((x, level, width, node))
        child_x = x
        for child in sorted(node["children"].values(), key=lambda c: c["name"]):
            walk(child, child_x, level + 1)
            child_x += child["value"] * scale

    walk(root, 10, 0)
    height = (depth + 1) * ROW + 50
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" font-family="monospace" '
           f'font-size="11">',
           f'<rect width="100%" height="100%" fill="#fdfdf6"/>',
           f'<text x="{WIDTH // 2}" y="20" text-anchor="middle" font-size="15">{html.escape(title)}</text>']
    for x, level, width, node in rects:
        y = height - 10 - (level + 1) * ROW
        share = 100.0 * node["value"] / root["value"]
        label = html.escape(node["name"])
        out.append(f'<g><title>{label} ({node["value"]} samples, {share:.2f}%)</title>'
                   f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{ROW - 1}" fill="{colour(node["name"])}" '
                   f'rx="2"/>')
        chars = int(width / 7)
        if chars >= 3:
            text = node["name"] if len(node["name"]) <= chars else node["name"][:chars - 2] + ".."
            out.append(f'<text x="{x + 3:.1f}" y="{y + ROW - 4}">{html.escape(text)}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("collapsed")
    parser.add_argument("svg")
    parser.add_argument("--title", default="flame graph")
    parser.add_argument("--min-width", type=float, default=0.5, help="pixels; narrower frames are left out")
    args = parser.parse_args()
    with open(args.collapsed) as f:
        root = fold(f)
    with open(args.svg, "w") as f:
        f.write(render(root, f"{args.title} ({root['value']} samples)", args.min_width))


if __name__ == "__main__":
    main()
