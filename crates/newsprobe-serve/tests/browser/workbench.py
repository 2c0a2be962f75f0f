#!/usr/bin/env python3
"""The workbench as a person uses it, in headless Chromium (Debian's, via Playwright).

    workbench.py NEWSPROBE_BINARY [--shots DIR] [--docs DIR]

Builds a test archive from the bundled trace examples with `newsprobe ingest`, starts
`newsprobe serve` on a free 127.0.0.1 port, then: pastes the bundled example and sees its
anonymous-source finding highlighted; searches and pages; opens a trace and sees a quote_altered
change on both sides; uploads a file; gets an error page for a bad upload. Screenshots of each
page go to --shots (default target/screenshots); with --docs the report and trace screenshots
are also written there (README's Workbench section).
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from playwright.sync_api import sync_playwright

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(binary, workdir):
    db = os.path.join(workdir, "news.db")
    inputs = []
    for case in ("port-sale", "border-closure", "ceasefire-talks"):
        for f in ("archive.jsonl", "input.jsonl"):
            inputs.append(os.path.join(ROOT, "examples", "trace", case, f))
    subprocess.run([binary, "ingest", "--db", db, *inputs], check=True, capture_output=True)
    port = free_port()
    log = open(os.path.join(workdir, "server.log"), "w")
    proc = subprocess.Popen(
        [binary, "serve", "--db", db, "--kb", os.path.join(ROOT, "examples", "kb.jsonl"),
         "--addr", f"127.0.0.1:{port}"],
        stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/api/openapi.json", timeout=1)
            return proc, base
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("server exited: " + open(log.name).read())
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("server did not start")


def example():
    with open(os.path.join(ROOT, "examples", "shocking-port-deal.txt"), encoding="utf-8") as f:
        content = f.read()
    head, _, rest = content.partition("\n\n")
    return head.strip(), rest


def check(cond, what):
    if not cond:
        raise AssertionError(what)
    print("ok  ", what)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--shots", default=os.path.join(ROOT, "target", "screenshots"))
    ap.add_argument("--docs")
    args = ap.parse_args()
    os.makedirs(args.shots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="newsprobe-browser-")
    proc, base = start_server(os.path.abspath(args.binary), work)
    csp_errors = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: csp_errors.append(m.text)
                    if "Content Security Policy" in m.text else None)
            shot = lambda name: page.screenshot(path=os.path.join(args.shots, name), full_page=False)

            # 1. Paste the bundled example: its anonymous-source finding, highlighted.
            title, text = example()
            page.goto(base + "/")
            page.fill("#title", title)
            page.fill("#text", text)
            page.click("#go")
            page.wait_for_selector("article.report")
            finding = page.locator("li.finding", has_text="anonymous_sourcing").first
            check(finding.count() == 1, "report lists an anonymous_sourcing finding")
            ev = finding.get_attribute("data-ev")
            marks = page.locator(f"mark.{ev}")
            check(marks.count() > 0, f"its evidence is highlighted in the text ({marks.count()} marks)")
            finding.click()
            page.wait_for_function(f"document.querySelector('mark.{ev}.flash') !== null")
            page.wait_for_timeout(700)
            check(marks.first.is_visible(), "clicking the finding flashes its span")
            box = marks.first.bounding_box()
            check(box is not None and 0 <= box["y"] <= 900, "and scrolls it into view")
            check(page.locator("table.sources tr.src-anonymous").count() > 0,
                  "sources table shows an anonymous source")
            shot("report.png")
            if args.docs:
                page.evaluate("window.scrollTo(0, 0)")
                page.screenshot(path=os.path.join(args.docs, "workbench-report.png"))
            page.set_viewport_size({"width": 390, "height": 844})
            shot("report-phone.png")
            page.set_viewport_size({"width": 1280, "height": 900})

            # 2. Search and page.
            page.goto(base + "/search")
            page.fill("#q", "minister")
            page.fill("#per_page", "2")
            page.click("#search button")
            page.wait_for_selector("li.hit")
            first = page.locator("li.hit a").first.inner_text()
            check(page.locator("li.hit").count() == 2, "search shows a page of 2 hits")
            check(page.locator("li.hit mark").count() > 0, "with the matching words marked")
            shot("search.png")
            page.click("#next")
            page.wait_for_selector("#prev")
            check(page.locator("li.hit a").first.inner_text() != first, "the next page has other hits")
            page.select_option("#type", "anonymous")
            page.fill("#q", "terminal")
            page.click("#search button")
            page.wait_for_selector("#results")
            check("type:anonymous" in page.inner_text("#results"), "the source-type filter applies")

            # 3. A trace: a quote_altered change on both sides.
            page.goto(base + "/articles/alarm-port/trace")
            row = page.locator("tr.change-quote_altered").first
            check(row.count() == 1, "the trace lists a quote_altered change")
            ids = row.get_attribute("data-flash").split()
            check(len(ids) == 2, "with a span on each side")
            row.click()
            page.wait_for_timeout(700)
            left = page.locator(f".side.rewrite #{ids[0]}")
            right = page.locator(f".side.sources #{ids[1]}")
            check(left.count() == 1 and "flash" in left.get_attribute("class"),
                  "the rewrite's altered quote is highlighted")
            check(right.count() == 1 and "flash" in right.get_attribute("class"),
                  "the source's original quote is highlighted")
            shot("trace.png")
            if args.docs:
                page.screenshot(path=os.path.join(args.docs, "workbench-trace.png"))

            # 4. Upload a file.
            page.goto(base + "/")
            page.set_input_files("#file", os.path.join(ROOT, "examples", "harbour-report.html"))
            page.click("#go")
            page.wait_for_selector("article.report")
            check(page.locator("article.report h1").inner_text().strip() != "",
                  "an uploaded HTML page gives its report")
            shot("upload.png")

            # 5. A bad upload: an error page.
            page.goto(base + "/")
            page.set_input_files("#file", files=[{"name": "photo.png", "mimeType": "image/png",
                                                   "buffer": b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1"}])
            page.click("#go")
            page.wait_for_selector("#error")
            check("400" in page.inner_text("#error"), "a bad upload gives a 400 error page")
            shot("bad-upload.png")

            # 6. The other pages.
            page.goto(base + "/sites")
            check(page.locator("svg#network line.edge").count() > 0, "sites: the network as SVG")
            shot("sites.png")
            page.goto(base + "/clusters")
            check(page.locator("ol.timeline").count() > 0, "clusters with timelines")
            shot("clusters.png")
            page.goto(base + "/articles/alarm-port")
            check(page.locator("article.report").count() == 1, "a stored report page")
            shot("article.png")
            check(not csp_errors, f"no Content-Security-Policy violation {csp_errors}")
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    print(f"browser tests passed; screenshots in {args.shots}")


if __name__ == "__main__":
    sys.exit(main())
