"""Checks the production topology that .ci/production starts: nginx in front of gunicorn (two
workers), Redis, the task worker and an SMTP sink. Standard library only.

Each check prints what it measured; any failure exits non-zero with the reason.
"""

import argparse
import contextlib
import http.client
import mailbox
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

MB = 1024 * 1024
failures = []


def check(ok, message):
    print(("  ok   " if ok else "  FAIL ") + message, flush=True)
    if not ok:
        failures.append(message)


class Response:
    def __init__(self, raw, body):
        self.status = raw.status
        self.headers = raw.headers
        self.body = body
        self.cookies = {}
        for header in raw.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


def request(base, method, path, *, headers=None, body=None, cookies=None, source=None, timeout=10):
    """One request on a fresh connection (so that requests spread over gunicorn's workers)."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(
        parts.hostname,
        parts.port,
        timeout=timeout,
        source_address=(source, 0) if source else None,
    )
    headers = dict(headers or {})
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    try:
        conn.request(method, path, body=body, headers=headers)
        raw = conn.getresponse()
        return Response(raw, raw.read())
    finally:
        conn.close()


class Browser:
    """Cookies and CSRF tokens, as a browser keeps them (Secure cookies too, over plain HTTP)."""

    def __init__(self, base, source=None, headers=None):
        self.base, self.source, self.cookies = base, source, {}
        self.headers = headers or {}

    def get(self, path, **headers):
        response = request(
            self.base,
            "GET",
            path,
            headers={**self.headers, **headers},
            cookies=self.cookies,
            source=self.source,
        )
        self.cookies.update(response.cookies)
        return response

    def post(self, path, data, **headers):
        page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        return self.send(path, {**data, "csrfmiddlewaretoken": token.group(1)}, **headers)

    def send(self, path, data, **headers):
        response = request(
            self.base,
            "POST",
            path,
            headers={
                **self.headers,
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": self.base + path,
                **headers,
            },
            body=urlencode(data),
            cookies=self.cookies,
            source=self.source,
        )
        self.cookies.update(response.cookies)
        return response

    def log_in(self, username, password, **headers):
        data = {"login": username, "password": password}
        return self.post("/accounts/login/", data, **headers)


def timed(base, path):
    start = time.perf_counter()
    response = request(base, "GET", path)
    return response.status, time.perf_counter() - start


def worst_times(proxy, seconds):
    healthz, pages = [], []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        healthz.append(timed(proxy, "/healthz"))
        pages.append(timed(proxy, "/exercises/"))
    return healthz, pages


def slow_clients(proxy, count=50, seconds=6.0):
    print(f"{count} slow clients send their headers a byte at a time to the proxy", flush=True)
    # The machine is shared: a page's own time is measured first, and the delay is the rest.
    worst_times(proxy, 1)  # warm both workers' caches
    _, quiet_pages = worst_times(proxy, 2)
    quiet = sorted(t for _, t in quiet_pages)[len(quiet_pages) // 2]
    parts = urlsplit(proxy)
    line = f"GET /exercises/ HTTP/1.1\r\nHost: {parts.hostname}\r\nX-Slow: {'x' * 200}\r\n"
    address = (parts.hostname, parts.port)
    sockets = [socket.create_connection(address, timeout=5) for _ in range(count)]
    stop = threading.Event()

    def dribble():
        position = 0
        while not stop.is_set():
            for s in sockets:
                with contextlib.suppress(OSError):
                    s.send(line[position % len(line)].encode())
            position += 1
            stop.wait(0.1)

    thread = threading.Thread(target=dribble, daemon=True)
    thread.start()
    time.sleep(1)  # every slow connection is open and dribbling
    healthz, pages = worst_times(proxy, seconds)
    stop.set()
    thread.join()
    for s in sockets:
        s.close()
    worst_health = max(t for _, t in healthz)
    worst_page = max(t for _, t in pages)
    print(
        f"  /healthz: {len(healthz)} requests, worst {worst_health * 1000:.0f} ms; "
        f"/exercises/: {len(pages)} requests, worst {worst_page * 1000:.0f} ms "
        f"(median {quiet * 1000:.0f} ms without slow clients)"
    )
    check(all(s == 200 for s, _ in healthz + pages), "every probe and page answered 200")
    check(
        worst_health < 1 and worst_page - quiet < 1,
        "none was delayed by a second or more",
    )


def huge_body(base, who, path="/accounts/login/"):
    """Declare 200 MB of multipart form data, send the first megabyte, read the answer."""
    parts = urlsplit(base)
    s = socket.create_connection((parts.hostname, parts.port), timeout=10)
    start = time.perf_counter()
    s.sendall(
        (
            f"POST {path} HTTP/1.1\r\nHost: {parts.hostname}\r\n"
            "Content-Type: multipart/form-data; boundary=ci\r\n"
            f"Content-Length: {200 * MB}\r\n\r\n"
        ).encode()
    )
    try:
        s.sendall(b"--ci\r\nContent-Disposition: form-data; name=f; filename=a\r\n\r\n")
        s.sendall(b"\0" * MB)
    except OSError:
        pass  # refused and closed before the body: what we want
    answer = s.recv(4096).decode("latin-1")
    s.close()
    elapsed = time.perf_counter() - start
    status = answer.split(" ", 2)[1] if answer.startswith("HTTP/") else answer[:40]
    check(status == "413", f"200 MB body to {who}: {status} in {elapsed * 1000:.0f} ms")


def chunked_body(base, who):
    parts = urlsplit(base)
    s = socket.create_connection((parts.hostname, parts.port), timeout=10)
    s.sendall(
        (
            f"POST /accounts/login/ HTTP/1.1\r\nHost: {parts.hostname}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            "Transfer-Encoding: chunked\r\n\r\n5\r\nab=cd\r\n"
        ).encode()
    )
    answer = s.recv(4096).decode("latin-1")
    s.close()
    status = answer.split(" ", 2)[1] if answer.startswith("HTTP/") else answer[:40]
    check(status == "411", f"a chunked body sent to {who} directly: {status}")


def paused(response):
    """allauth refuses a log-in past a limit in the form (200) or, under contention, with 429."""
    return response.status == 429 or "logging in to it is paused" in response.text


def spoofed_forwarded_for(proxy, app, manage, failure_limit, ip_failure_limit):
    # allauth counts failed log-ins per username typed and per client address (settings'
    # ACCOUNT_RATE_LIMITS["login_failed"]). Each try below types a new username, so only the
    # count per client address can stop the last one: it shows which address the app believed.
    print("X-Forwarded-For counts only from the proxy's address")
    run = secrets.token_hex(4)
    manage(
        "from django.contrib.auth import get_user_model as m; "
        "[m().objects.create_user(n, n + '@example.org', 'ci-Password-42') "
        "for n in ('ci-direct', 'ci-viaproxy', 'ci-trusted', 'ci-account')]"
    )

    def fail(browser, label, forwarded):
        for n in range(ip_failure_limit):
            browser.log_in(f"ci-{run}-{label}-{n}", "wrong", **{"X-Forwarded-For": forwarded(n)})

    # Directly from 127.0.0.3 (not a trusted proxy): a new forged address on every try.
    direct = Browser(app, source="127.0.0.3")
    fail(direct, "direct", lambda n: f"198.51.100.{n}")
    locked = direct.log_in("ci-direct", "ci-Password-42", **{"X-Forwarded-For": "198.51.100.99"})
    check(paused(locked), f"rotating it past the proxy still pauses log-in: {locked.status}")
    # Through the proxy, from 127.0.0.4: it replaces whatever the client wrote.
    via_proxy = Browser(proxy, source="127.0.0.4")
    fail(via_proxy, "proxy", lambda n: f"198.51.100.{n}")
    locked = via_proxy.log_in("ci-viaproxy", "ci-Password-42", **{"X-Forwarded-For": "192.0.2.1"})
    check(paused(locked), f"rotating it through the proxy pauses log-in: {locked.status}")
    # From the trusted proxy's address the header is believed: the pause is the client's own.
    trusted = Browser(app, source="127.0.0.1")
    fail(trusted, "trusted", lambda n: "203.0.113.5")
    other = trusted.log_in("ci-trusted", "ci-Password-42", **{"X-Forwarded-For": "203.0.113.6"})
    check(other.status == 302, f"from the proxy, another client is not paused: {other.status}")
    # And the count per account holds whatever address each try claims to come from.
    account = Browser(proxy, source="127.0.0.5")
    for n in range(failure_limit):
        account.log_in("ci-account", "wrong", **{"X-Forwarded-For": f"198.51.100.{n}"})
    locked = account.log_in("ci-account", "ci-Password-42", **{"X-Forwarded-For": "192.0.2.2"})
    check(paused(locked), f"{failure_limit} wrong passwords pause the account: {locked.status}")


def concurrent_resets(proxy, maildir, manage, limit):
    print("16 concurrent password resets for one address, through the proxy")
    manage(
        "from django.contrib.auth import get_user_model as m; "
        "[m().objects.create_user(n, n + '@example.org', 'ci-Password-42') "
        "for n in ('ci-mail', 'ci-known')]"
    )
    browsers = [Browser(proxy) for _ in range(16)]
    tokens = []
    for browser in browsers:
        page = browser.get("/accounts/password/reset/")
        tokens.append(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1))
    start = threading.Barrier(16)

    def reset(index):
        start.wait()
        began = time.perf_counter()
        response = browsers[index].send(
            "/accounts/password/reset/",
            {"email": "ci-mail@example.org", "csrfmiddlewaretoken": tokens[index]},
        )
        return response.status, time.perf_counter() - began

    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(reset, range(16)))
    statuses = [status for status, _ in results]
    check(
        statuses.count(302) == limit and statuses.count(429) == 16 - limit,
        f"exactly the limit ({limit}) got through: {statuses.count(302)} x 302, "
        f"{statuses.count(429)} x 429",
    )

    print("Reset emails go through the task worker to the SMTP sink")
    timings = {}
    for email in ("ci-known@example.org", "nobody-here@example.org"):
        samples = []
        for _ in range(limit):
            browser = Browser(proxy)
            page = browser.get("/accounts/password/reset/")
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
            began = time.perf_counter()
            data = {"email": email, "csrfmiddlewaretoken": token}
            browser.send("/accounts/password/reset/", data)
            samples.append(time.perf_counter() - began)
        timings[email] = sorted(samples)[len(samples) // 2]
    print(
        "  median reset request: known address {:.0f} ms, unknown {:.0f} ms".format(
            *(t * 1000 for t in timings.values())
        )
    )
    expected = {"ci-mail@example.org": limit, "ci-known@example.org": limit}
    deadline = time.monotonic() + 30
    while True:
        received = {}
        for message in mailbox.Maildir(maildir, create=True):
            received[message["To"]] = received.get(message["To"], 0) + 1
        if all(received.get(k, 0) >= v for k, v in expected.items()) or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    print(f"  emails in the sink: {received}")
    check(
        received.get("ci-mail@example.org") == limit,
        f"the worker delivered {limit} reset emails for the {limit} accepted requests",
    )
    # allauth answers an unknown address too (so the form never tells whether an account
    # exists), with a note that there is no account: never a link that sets a password.
    unknown = [
        message.get_payload() if not message.is_multipart() else message.as_string()
        for message in mailbox.Maildir(maildir, create=True)
        if message["To"] == "nobody-here@example.org"
    ]
    check(
        unknown and not any("/password/reset/key/" in body for body in unknown),
        f"an unknown address got {len(unknown)} emails, none with a reset link",
    )


def private_pages(proxy):
    print("Logged-in pages and exports are never cached")
    browser = Browser(proxy)
    browser.log_in("ci-mail", "ci-Password-42")
    # An export asks for the password again (allauth's re-authentication), as a person sees it.
    browser.post("/accounts/reauthenticate/", {"password": "ci-Password-42"})
    for path in ("/routines/today/", "/sessions/history/", "/sessions/export/account.json"):
        response = browser.get(path)
        cache_control = response.headers.get("Cache-Control", "")
        check(
            response.status == 200 and "no-store" in cache_control and "private" in cache_control,
            f"{path}: {response.status}, Cache-Control: {cache_control}",
        )
    library = request(proxy, "GET", "/exercises/")
    check(
        "no-store" not in library.headers.get("Cache-Control", ""),
        "the public library stays cacheable",
    )


def shared_library(proxy, manage):
    print("A library edit shows from every worker at once")
    for _ in range(20):
        assert "Cat-cow" in request(proxy, "GET", "/exercises/").text  # both workers cache it
    manage(
        "from exercises.models import Exercise; from exercises.caching import library_changed; "
        "Exercise.objects.filter(name='Cat-cow').update(name='Cat-cow (CI edit)'); "
        "library_changed()"
    )
    try:
        pages = [request(proxy, "GET", "/exercises/").text for _ in range(20)]
        seen = sum("Cat-cow (CI edit)" in page for page in pages)
        check(seen == 20, f"{seen} of 20 requests right after the edit show it")
    finally:
        manage(
            "from exercises.models import Exercise; "
            "from exercises.caching import library_changed; "
            "Exercise.objects.filter(name='Cat-cow (CI edit)').update(name='Cat-cow'); "
            "library_changed()"
        )


def media(proxy, media_root):
    print("The proxy serves uploads with nosniff and the sandbox policy")
    (media_root / "ci-check.txt").write_text("<script>alert(1)</script>")
    response = request(proxy, "GET", "/media/ci-check.txt")
    check(response.status == 200, f"/media/ci-check.txt: {response.status}")
    check(response.headers.get("X-Content-Type-Options") == "nosniff", "nosniff")
    check(
        "sandbox" in response.headers.get("Content-Security-Policy", ""),
        f"CSP: {response.headers.get('Content-Security-Policy')}",
    )
    posted = request(proxy, "POST", "/media/ci-check.txt", body=b"")
    check(posted.status in (403, 405), f"POST to /media/: {posted.status}")


def request_id(proxy):
    forwarded = request(proxy, "GET", "/exercises/", headers={"X-Request-ID": "ci-proxy-000001"})
    made_up = request(proxy, "GET", "/exercises/")
    check(forwarded.headers.get("X-Request-ID") == "ci-proxy-000001", "a sane request id is kept")
    check(
        re.fullmatch(r"[0-9a-f]{32}", made_up.headers.get("X-Request-ID", "")) is not None,
        f"otherwise the proxy makes one: {made_up.headers.get('X-Request-ID')}",
    )


def forwarded_proto(proxy, app):
    # HSTS goes out only on requests the app takes for HTTPS: it shows what it believed.
    spoof = {"X-Forwarded-Proto": "https"}
    through = request(proxy, "GET", "/exercises/", headers=spoof)
    direct = request(app, "GET", "/exercises/", headers=spoof)
    check(
        "Strict-Transport-Security" not in through.headers,
        "a client's X-Forwarded-Proto is replaced by the proxy's own (plain HTTP here)",
    )
    check("Strict-Transport-Security" in direct.headers, "the app believes it from the proxy")
    past = request(app, "GET", "/exercises/", headers=spoof, source="127.0.0.3")
    check(
        "Strict-Transport-Security" not in past.headers,
        "and not from a client that reaches the app past the proxy",
    )


def database_down(down_app):
    print("While the database is down")
    response = request(down_app, "GET", "/exercises/")
    check(
        response.status == 503 and "Back in a moment" in response.text,
        f"a page answers {response.status} with our own page",
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--proxy", required=True)
    parser.add_argument("--app", required=True)
    parser.add_argument("--down-app", required=True)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--media-root", required=True)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--failure-limit", type=int, default=5)
    parser.add_argument("--ip-failure-limit", type=int, default=20)
    parser.add_argument("--reset-limit", type=int, default=3)
    options = parser.parse_args()

    def manage(code):
        subprocess.run(  # noqa: S603 (our own interpreter and code)
            [options.python, "manage.py", "shell", "-c", code],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    started = time.perf_counter()
    slow_clients(options.proxy)
    print("Request bodies over the limit")
    huge_body(options.proxy, "the proxy")
    huge_body(options.app, "the app directly")
    chunked_body(options.app, "the app")
    concurrent_resets(options.proxy, options.maildir, manage, options.reset_limit)
    private_pages(options.proxy)
    spoofed_forwarded_for(
        options.proxy, options.app, manage, options.failure_limit, options.ip_failure_limit
    )
    shared_library(options.proxy, manage)
    media(options.proxy, Path(options.media_root))
    request_id(options.proxy)
    forwarded_proto(options.proxy, options.app)
    database_down(options.down_app)
    print(f"\n{len(failures)} failed, in {time.perf_counter() - started:.0f} s")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
