#!/usr/bin/env python3
"""The page of `hashi serve` in a real browser (headless Chromium through Selenium).

Starts `hashi serve --port 0` on a TM of the project's example units, then: types a query and
checks the matches shown; types a Vietnamese phrase without diacritics and checks the
concordance highlight; aligns an example article, joins, splits, moves a sentence with the
keyboard, marks a row as not a translation, stores the rest and checks the TM afterwards
(/api/stats and `hashi lookup`); draws the match bands of an article. A screenshot of each view
goes to --out. Exits 77 (skipped) when Chromium, its driver or Selenium is missing.

usage: serve_page_test.py --hashi build/hashi --out DIR [--docs docs/screenshots]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request

SKIP = 77
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def skip(why):
    print("SKIP: " + why + " (install them with scripts/setup.sh --test-tools)")
    sys.exit(SKIP)


def browser_parts():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        skip("chromium and chromium-driver are needed")
    try:
        import selenium  # noqa: F401
    except ImportError:
        # Debian's python3-selenium is in the system Python, which another python3 first on
        # PATH (a virtualenv, pyenv) does not see.
        system = "/usr/bin/python3"
        if os.path.exists(system) and os.path.realpath(sys.executable) != os.path.realpath(system):
            os.execv(system, [system] + sys.argv)
        skip("python3-selenium is needed")
    return chromium, driver


def get_json(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return json.load(r)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hashi", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--docs", help="also copy the screenshots here")
    args = parser.parse_args()
    chromium, driver_path = browser_parts()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    os.makedirs(args.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="hashi-browser-")
    tm = os.path.join(work, "tm.db")
    subprocess.run([args.hashi, "--tm", tm, "import",
                    os.path.join(ROOT, "examples", "press-units.tmx")], check=True,
                   stdout=subprocess.DEVNULL)
    server = subprocess.Popen([args.hashi, "--tm", tm, "serve", "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = server.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:"), url
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                 "--window-size=1400,1000", "--lang=en"):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(driver_path), options=options)
    wait = WebDriverWait(browser, 60)
    failures = []

    def check(condition, message):
        if not condition:
            failures.append(message)
            print("FAIL: " + message)

    def shot(name):
        browser.execute_script("window.scrollTo(0, 0)")
        path = os.path.join(args.out, name + ".png")
        browser.save_screenshot(path)
        if args.docs:
            os.makedirs(args.docs, exist_ok=True)
            shutil.copy(path, os.path.join(args.docs, name + ".png"))

    try:
        browser.get(url)
        # --- Lookup, keyboard only: the search box has the focus.
        box = browser.switch_to.active_element
        check(box.get_attribute("id") == "q", "the search box has the focus on load")
        box.send_keys("The loan agreement was signed in Hanoi.")
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#matches li"))
        first = browser.find_element(By.CSS_SELECTOR, "#matches li")
        score = int(first.find_element(By.CSS_SELECTOR, ".score").text)
        source = first.find_element(By.CSS_SELECTOR, ".source").text
        check(source == "The loan agreement was signed the same day in Hanoi.",
              "best match is the loan agreement unit: " + source)
        expected = subprocess.run(
            [args.hashi, "--tm", tm, "lookup", "--json", "--from", "en", "--to", "vi",
             "--min", "50", "The loan agreement was signed in Hanoi."],
            check=True, capture_output=True, text=True).stdout.splitlines()
        check(score == json.loads(expected[0])["score"], "the page shows lookup's score")
        inserted = [e.text for e in first.find_elements(By.CSS_SELECTOR, "ins.diff")]
        check("the same day" in " ".join(inserted).replace("  ", " ") or
              {"the", "same", "day"} <= set(inserted),
              "the words the query lacks are marked: %r" % inserted)
        check("Hiệp định vay" in first.text, "the Vietnamese target is shown")
        shot("lookup")

        # --- Concordance: Vietnamese typed without diacritics.
        Select(browser.find_element(By.ID, "from")).select_by_visible_text("vi")
        Select(browser.find_element(By.ID, "to")).select_by_visible_text("en")
        box = browser.find_element(By.ID, "q")
        box.clear()
        box.send_keys("hop tac")
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#hits li mark"))
        marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#hits li mark")]
        check(marks and all(m.lower() == "hợp tác" for m in marks),
              "concordance highlights 'hợp tác': %r" % marks[:5])
        shot("concordance")

        # --- Alignment review.
        browser.find_element(By.ID, "tab-align").click()
        article = os.path.join(ROOT, "examples", "articles", "state-visit-tokyo")
        for lang in ("en", "ja"):
            with open(os.path.join(article, lang + ".txt"), encoding="utf-8") as f:
                browser.execute_script("arguments[0].value = arguments[1]",
                                       browser.find_element(By.ID, "text-" + lang), f.read())
        browser.find_element(By.ID, "align-button").click()
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#units-body tr"))
        rows = lambda: browser.find_elements(By.CSS_SELECTOR, "#units-body tr")
        aligned = subprocess.run(
            [args.hashi, "align", "--json", "--en", os.path.join(article, "en.txt"),
             "--ja", os.path.join(article, "ja.txt")],
            check=True, capture_output=True, text=True).stdout.splitlines()
        n = len(rows())
        check(n == len(aligned), "the page shows align's %d units (%d)" % (len(aligned), n))
        first_en = rows()[0].find_element(By.CSS_SELECTOR, 'td[lang="en"]').text
        # Join rows 1 and 2.
        rows()[0].find_element(By.CSS_SELECTOR, ".join").click()
        check(len(rows()) == n - 1, "join leaves one row fewer")
        joined_en = rows()[0].find_element(By.CSS_SELECTOR, 'td[lang="en"]')
        check(len(joined_en.find_elements(By.CSS_SELECTOR, ".sentence")) >= 2,
              "the joined row holds the sentences of both")
        # Split it again.
        rows()[0].find_element(By.CSS_SELECTOR, ".split").click()
        check(len(rows()) == n, "split gives the row back")
        check(rows()[0].find_element(By.CSS_SELECTOR, 'td[lang="en"]').text == first_en,
              "after join and split the first row is as before")
        # Keyboard: move the first English sentence of row 3 up into row 2, and back.
        sentence = rows()[2].find_element(By.CSS_SELECTOR, 'td[lang="en"] .sentence')
        text = sentence.text
        sentence.send_keys(Keys.ALT, Keys.ARROW_UP)
        check(text.splitlines()[0] in rows()[1].find_element(By.CSS_SELECTOR, 'td[lang="en"]').text,
              "Alt+Up moved the sentence to the row above")
        browser.switch_to.active_element.send_keys(Keys.ALT, Keys.ARROW_DOWN)
        check(len(rows()) == n, "Alt+Down moved it back")
        # The last row is not a translation.
        rows()[-1].find_element(By.CSS_SELECTOR, ".skip-box").click()
        check("skip" in rows()[-1].get_attribute("class"), "the row is marked")
        low = browser.find_elements(By.CSS_SELECTOR, "#units-body tr.low")
        print("rows: %d, low confidence: %d" % (n, len(low)))
        shot("align")
        origin = browser.find_element(By.ID, "origin")
        origin.clear()
        origin.send_keys("browser review")
        browser.find_element(By.ID, "save-button").click()
        wait.until(ec.text_to_be_present_in_element((By.ID, "align-status"), "Stored"))
        stats = get_json(url + "api/stats")
        stored = stats["origins"].get("browser review", 0)
        check(stored == n - 1, "the TM has the %d kept units (%d)" % (n - 1, stored))
        # What was stored is found by `hashi lookup`.
        first_unit = json.loads(aligned[0])
        found = subprocess.run(
            [args.hashi, "--tm", tm, "lookup", "--json", "--from", "ja", "--to", "en",
             first_unit["ja"]], check=True, capture_output=True, text=True).stdout.splitlines()
        check(found and json.loads(found[0])["score"] == 100 and
              json.loads(found[0])["origin"] == "browser review",
              "hashi lookup finds the stored unit")

        # --- The TM at a glance, and the bands of an article.
        browser.find_element(By.ID, "tab-tm").click()
        wait.until(ec.presence_of_element_located((By.ID, "unit-count")))
        check(browser.find_element(By.ID, "unit-count").text ==
              "%d units" % stats["units"], "the stats show the unit count")
        with open(os.path.join(ROOT, "examples", "articles", "oda-irrigation-loan", "en.txt"),
                  encoding="utf-8") as f:
            browser.execute_script("arguments[0].value = arguments[1]",
                                   browser.find_element(By.ID, "an-text"), f.read())
        browser.find_element(By.ID, "analyze-button").click()
        wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#chart rect.band")) == 8)
        shot("tm")
    finally:
        browser.quit()
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    check(server.returncode == 0, "hashi serve stopped cleanly on SIGTERM")
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("browser test passed; screenshots in " + args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
