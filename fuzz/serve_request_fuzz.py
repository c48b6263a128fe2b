#!/usr/bin/env python3
"""Bounded request fuzzer for `hashi serve`: malformed JSON, huge and deep bodies, odd paths,
methods, headers and encodings, sent over raw sockets (so that nothing is cleaned up on the way).

Starts `HASHI serve --port 0` on a scratch TM (the example TM imported), sends COUNT requests
built from a fixed seed, and checks after each that the server is still alive and answered with
an HTTP status below 500 (500 is allowed only for the documented "TM cannot be read"), and at the
end that a valid lookup still answers. Prints a summary; exit 1 on any failure.

usage: fuzz/serve_request_fuzz.py HASHI [COUNT] [SEED]
"""
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PATHS = ["/api/lookup", "/api/concord", "/api/stats", "/api/align", "/api/units", "/api/export",
         "/api/analyze", "/tmserver/en/vi/unit/", "/", "/index.html", "/app.js", "/style.css"]
ODD_PATHS = ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
             "/%00", "/index.html%00.js", "/%ff%fe", "/%c0%ae%c0%ae/", "//", "/./index.html",
             "/\\..\\..\\etc\\passwd", "/api/../../etc/passwd", "/api/lookup/../stats",
             "/" + "a" * 5000, "/%", "/%%%", "/%zz", "/tmserver/en/vi/unit/%ff%ff",
             "/tmserver/en/vi/unit/" + "%E3%81%82" * 3000, "/tmserver/xx/yy/unit/a",
             "/tmserver/en/vi/unit/..%2f..%2f", "/api/lookup?" + "&" * 3000,
             "/api/lookup?from=en&to=vi&q=%ff%fe%fd", "/api/lookup?from=en&to=vi&q=" + "x" * 2100,
             "/api/lookup?from=&to=&q=", "/api/lookup?from=en&to=vi&q=a&min=-5&limit=999999999999",
             "/api/lookup?from=en&to=vi&q=a&min=abc&limit=0x10",
             "/api/concord?lang=ja&q=%E5%8D%94", "/api/concord?lang=vi&q=%C4%91",
             "/api/concord?lang=zz-Latn-XX-x-y&q=a", "/api/lookup?from=en&from=vi&to=ja&q=a"]
METHODS = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "TRACE", "BREW", "get"]
TEXTS = ["The two sides signed the agreement.", "Hai bên đã ký kết hiệp định.", "両国は協定に署名した。",
         "", " ", "\u0000", "\ud7ff\ue101\ue110", "a\r\nb", "ｶﾞ２０１９", "x" * 10000,
         "Hoà\u0300", "\u200b\u2028\u2029", "<seg>&amp;</seg>"]


def random_json(rng, depth=0):
    kind = rng.randrange(9 if depth < 4 else 5)
    if kind == 0:
        return rng.choice(TEXTS)
    if kind == 1:
        return rng.choice([0, -1, 1.5, 1e308, -1e308, 2 ** 63, True, False, None])
    if kind == 2:
        return rng.choice(["en", "vi", "ja", "en-US", "", "xx", "tmx", "tsv", "*all*"])
    if kind == 3:
        return rng.random()
    if kind == 4:
        return "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randrange(50)))
    if kind in (5, 6):
        keys = ["en", "vi", "ja", "from", "to", "text", "name", "units", "origin", "format",
                "presegmented", "confidence", "sentences", "q", "lang", "x"]
        return {rng.choice(keys): random_json(rng, depth + 1) for _ in range(rng.randrange(6))}
    return [random_json(rng, depth + 1) for _ in range(rng.randrange(5))]


def body_for(rng, path):
    kind = rng.randrange(12)
    if kind == 0:
        return b"{" * rng.choice([1, 1000, 100000])  # unclosed / deeply nested
    if kind == 1:
        return b"[" * 200000 + b"]" * 200000
    if kind == 2:
        return b'{"en": "' + b"a" * rng.choice([10 ** 5, 9 * 2 ** 20]) + b'", "vi": "b"}'
    if kind == 3:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(2000)))  # binary junk
    if kind == 4:
        return b'{"en": "\xff\xfe invalid utf-8", "ja": "\xc0\xae"}'
    if kind == 5:
        return b'{"en": "\\ud800 lone surrogate \\u0000", "vi": "\\uDFFF"}'
    if kind == 6:
        units = [{"en": "Unit %d." % i, "vi": "Đơn vị %d." % i, "confidence": rng.random()}
                 for i in range(rng.choice([1, 1000, 20000]))]
        return json.dumps({"origin": "fuzz", "format": rng.choice(["tmx", "tsv", "x"]),
                           "units": units}).encode()
    if kind == 7:
        return json.dumps({"from": "en", "to": rng.choice(["vi", ["vi", "ja"], 5, []]),
                           "text": rng.choice(TEXTS + [open(os.path.join(ROOT, "fuzz", "seeds", "xliff", "segmented.xlf")).read()])}).encode()
    if kind == 8:
        return b""
    if kind == 9:
        return b'{"en": 1, "vi": 2}'
    return json.dumps(random_json(rng)).encode()


def build_request(rng):
    method = rng.choice(METHODS)
    path = rng.choice(PATHS + ODD_PATHS)
    if path in ("/api/lookup", "/api/concord") and rng.random() < 0.7:
        q = rng.choice(TEXTS)[:3000]
        enc = "".join("%%%02X" % b for b in q.encode("utf-8", "surrogatepass"))
        path += "?from=en&to=vi,ja&lang=%s&q=%s" % (rng.choice(["en", "vi", "ja", "%ff"]), enc)
    body = body_for(rng, path) if method in ("POST", "PUT", "PATCH") or rng.random() < 0.1 else b""
    headers = ["Host: 127.0.0.1", "Connection: close"]
    shape = rng.randrange(10)
    if shape == 0:
        headers.append("Content-Length: %d" % (len(body) + rng.choice([-5, 1, 10 ** 6])))
    elif shape == 1:
        headers.append("Content-Length: -1")
    elif shape == 2:
        headers.append("Transfer-Encoding: chunked")
        body = b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n" if rng.random() < 0.5 else b"zz\r\n" + body
    elif shape == 3:
        headers.append("Content-Length: 99999999999999999999")
    elif shape == 4:
        headers.append("X-Long: " + "h" * 20000)
    else:
        headers.append("Content-Length: %d" % len(body))
    if rng.random() < 0.5:
        headers.append("Content-Type: " + rng.choice(["application/json", "text/plain",
                                                     "application/json; charset=latin1", ""]))
    if rng.random() < 0.2:
        headers.append("Authorization: Bearer " + rng.choice(["", "x" * 5000, "\x7f"]))
    version = rng.choice(["HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/9.9", ""])
    head = "%s %s %s\r\n%s\r\n\r\n" % (method, path, version, "\r\n".join(headers))
    return head.encode("latin-1", "replace") + body, method, path


def send(port, raw, timeout=60):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        try:
            s.sendall(raw)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer (413) and close before reading everything
        data = b""
        try:
            while len(data) < 64:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        except (ConnectionResetError, socket.timeout):
            pass
    m = re.match(rb"HTTP/1\.[01] (\d{3})", data)
    return int(m.group(1)) if m else None


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    hashi = os.path.abspath(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    rng = random.Random(seed)
    scratch = tempfile.mkdtemp()
    try:
        tm = os.path.join(scratch, "tm.db")
        subprocess.run([hashi, "--tm", tm, "--quiet", "import",
                        os.path.join(ROOT, "examples", "press-units.tmx")], check=True,
                       stdout=subprocess.DEVNULL)
        server = subprocess.Popen([hashi, "--tm", tm, "serve", "--port", "0"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = server.stdout.readline()
        m = re.search(r":(\d+)", line)
        if not m:
            print("serve did not print its URL:", line, server.stderr.read())
            return 1
        port = int(m.group(1))
        statuses = {}
        failures = []
        for i in range(count):
            raw, method, path = build_request(rng)
            try:
                status = send(port, raw)
            except (ConnectionRefusedError, OSError) as e:
                status = "error: %s" % e
            statuses[status] = statuses.get(status, 0) + 1
            if server.poll() is not None:
                failures.append("request %d (%s %s) stopped the server (exit %s): %s" %
                                (i, method, path[:80], server.returncode, server.stderr.read()[-2000:]))
                break
            if isinstance(status, int) and status >= 500:
                failures.append("request %d (%s %s): HTTP %d" % (i, method, path[:80], status))
        if server.poll() is None:
            ok = send(port, b"GET /api/lookup?from=en&to=vi&q=The%20two%20sides%20signed HTTP/1.1\r\n"
                            b"Host: x\r\nConnection: close\r\n\r\n")
            if ok != 200:
                failures.append("a valid lookup after the fuzzing answered %s" % ok)
            server.terminate()
            server.wait(timeout=30)
            if server.returncode not in (0, -15):
                failures.append("serve exited %s on SIGTERM: %s" % (server.returncode,
                                                                     server.stderr.read()[-2000:]))
        summary = ", ".join("%s: %d" % (k, v) for k, v in sorted(statuses.items(), key=str))
        print("serve request fuzzing: %d requests (seed %d); statuses %s" % (count, seed, summary))
        for f in failures[:20]:
            print("FAIL:", f)
        return 1 if failures else 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
