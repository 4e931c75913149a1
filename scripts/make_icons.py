"""Draw the app icons (PNG 192 and 512, plain and maskable) from static/img/icon.svg.

Run after changing the SVG: `.venv/bin/python scripts/make_icons.py` (needs /usr/bin/chromium).
Maskable icons fill the whole square with the icon's background and keep the mark inside the
middle 80%, the safe zone launchers crop to any shape.
"""

import re
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SVG = (ROOT / "static/img/icon.svg").read_text()
OUT = ROOT / "static/img"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def maskable(svg):
    # The square without its rounded corners, and the mark scaled to 70% around the centre.
    background = re.search(r'<rect[^>]*fill="([^"]+)"', svg).group(1)
    mark = re.sub(r"<rect[^>]*/>", "", re.search(r"<svg[^>]*>(.*)</svg>", svg, re.S).group(1))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<rect width="64" height="64" fill="{background}"/>'
        f'<g transform="translate(32 32) scale(0.7) translate(-32 -32)">{mark}</g></svg>'
    )


def main():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for name, svg in (("icon", SVG), ("icon-maskable", maskable(SVG))):
            for size in (192, 512):
                page = browser.new_page(viewport={"width": size, "height": size})
                page.set_content(
                    "<html><body style='margin:0;background:transparent'>"
                    f"<div style='width:{size}px;height:{size}px'>"
                    + svg.replace("<svg ", f"<svg width={size} height={size} ", 1)
                    + "</div></body></html>"
                )
                page.screenshot(path=str(OUT / f"{name}-{size}.png"), omit_background=True)
                page.close()
        browser.close()


if __name__ == "__main__":
    main()
