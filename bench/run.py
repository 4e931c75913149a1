"""Midback's benchmark: a large data set on PostgreSQL, gunicorn, and wrk.

Run on demand (never in the test suite):

    .venv/bin/python bench/run.py                # build the data set once, then measure
    .venv/bin/python bench/run.py --rebuild      # drop and rebuild the data set
    .venv/bin/python bench/run.py --lighthouse   # also run Lighthouse (npm lighthouse@12)

Needs PostgreSQL on 127.0.0.1:5432 with a role that may create databases (see .ci/run), and
`wrk` (apt-get install wrk). Every figure is printed, none is asserted. The load generator and
the server share this machine's cores, so compare each page's ratio to the trivial view
(/healthz) measured in the same run rather than absolute numbers across machines.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PORT = 8799
BASE = f"http://127.0.0.1:{PORT}"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="postgres://app:app@127.0.0.1:5432/midback_bench")
    parser.add_argument("--rebuild", action="store_true", help="drop and rebuild the data set")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per target")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--lighthouse", action="store_true")
    return parser.parse_args()


def configure_environment(args):
    os.environ.update(
        {
            "DATABASE_URL": args.database_url,
            "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            # Plain HTTP on the loopback: no redirect to HTTPS, cookies sent without TLS.
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "midback.settings",
        }
    )


def database_exists(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()


def recreate_database(url):
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def manage(*command):
    subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, check=True)


def prepare(args):
    built = database_exists(args.database_url)
    if args.rebuild or not built:
        recreate_database(args.database_url)
        manage("migrate", "--noinput", "--verbosity", "0")
    manage("collectstatic", "--noinput", "--verbosity", "0")

    import django

    django.setup()
    from bench import dataset

    if args.rebuild or not built:
        started = time.perf_counter()
        dataset.build()
        print(f"  data set built in {time.perf_counter() - started:.0f} s\n")
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="bench0")


def authenticated_headers(user):
    """A real session and CSRF cookie for the bench user, as a browser would carry them."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    csrf = secrets.token_hex(16)  # a 32-character secret, accepted as cookie and header
    cookie = f"{settings.SESSION_COOKIE_NAME}={session.session_key}; csrftoken={csrf}"
    return {"Cookie": cookie, "X-CSRFToken": csrf, "Referer": BASE + "/"}


def start_gunicorn(args):
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "midback.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
            # gunicorn.conf.py recycles workers; a restart mid-measurement skews the figures.
            "--max-requests",
            "0",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(60):
        try:
            urllib.request.urlopen(BASE + "/healthz", timeout=1)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("gunicorn did not start")


def wrk(path, headers, args, script=None):
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", script]
    output = subprocess.run(
        [*command, BASE + path], capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return (
        rps,
        latency.get("50", "?"),
        latency.get("99", "?"),
        int(errors.group(1)) if errors else 0,
    )


def set_log_script(path, fields):
    """A wrk script that posts a set with a fresh idempotency key each time."""
    body = "&".join(f"{k}={v}" for k, v in fields.items())
    lua = f"""
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["HX-Request"] = "true"
math.randomseed(os.time())
local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function (c)
    local v = (c == "x") and math.random(0, 0xf) or math.random(8, 0xb)
    return string.format("%x", v)
  end))
end
request = function()
  return wrk.format(nil, "{path}", nil, "{body}&idempotency_key=" .. uuid())
end
"""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(lua)
    return handle.name


def page_costs(user, targets):
    """Queries and bytes of each page, full and as an HTMX fragment, in-process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    rows = []
    for label, path, fragment in targets:
        for kind, extra in (("full", {}), ("fragment", {"HTTP_HX_REQUEST": "true"})):
            if kind == "fragment" and not fragment:
                continue
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path, **extra)
            rows.append((label, kind, response.status_code, len(queries), len(response.content)))
    return rows


def lighthouse(paths, headers):
    folder = ROOT / "bench" / ".lighthouse"
    if not (folder / "node_modules" / ".bin" / "lighthouse").exists():
        folder.mkdir(exist_ok=True)
        subprocess.run(
            ["npm", "install", "--silent", "--prefix", str(folder), "lighthouse@12"], check=True
        )
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    results = []
    for label, path in paths:
        out = folder / "report.json"
        subprocess.run(
            [
                str(folder / "node_modules" / ".bin" / "lighthouse"),
                BASE + path,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                "--form-factor=mobile",
                "--only-categories=performance,accessibility,best-practices,seo",
                f"--extra-headers={json.dumps({'Cookie': headers['Cookie']})}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                "--disable-background-networking",
            ],
            env={**os.environ, "CHROME_PATH": chromium},
            check=True,
            capture_output=True,
        )
        report = json.loads(out.read_text())
        scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
        results.append((label, scores))
    return results


def main():
    args = parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    configure_environment(args)
    user = prepare(args)

    from bench.targets import load_targets, page_targets

    headers = authenticated_headers(user)
    server = start_gunicorn(args)
    try:
        print(
            f"wrk: {args.connections} connections, {args.duration} s each; "
            f"gunicorn: {args.workers} sync workers\n"
        )
        print(f"{'target':<34} {'req/s':>9} {'p50':>9} {'p99':>9} {'ratio':>7} {'errors':>7}")
        baseline = None
        for label, path, extra, fields in load_targets(user):
            script = set_log_script(path, fields) if fields is not None else None
            rps, p50, p99, errors = wrk(path, {**headers, **extra}, args, script)
            baseline = baseline or rps
            ratio = rps / baseline
            print(f"{label:<34} {rps:>9.0f} {p50:>9} {p99:>9} {ratio:>7.2f} {errors:>7}")

        print(f"\n{'page':<24} {'kind':<9} {'status':>6} {'queries':>8} {'bytes':>9}")
        for label, kind, status, queries, size in page_costs(user, page_targets(user)):
            print(f"{label:<24} {kind:<9} {status:>6} {queries:>8} {size:>9,}")

        if args.lighthouse:
            print(f"\n{'lighthouse (mobile)':<24} perf  a11y  best  seo")
            pages = [(label, path) for label, path, _ in page_targets(user)]
            for label, s in lighthouse(pages, headers):
                print(
                    f"{label:<24} {s['performance']:>4} {s['accessibility']:>5} "
                    f"{s['best-practices']:>5} {s['seo']:>4}"
                )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
