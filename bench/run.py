"""Midback's benchmark: a large data set on PostgreSQL, gunicorn, and wrk.

Run on demand (never in the test suite):

    .venv/bin/python bench/run.py                # build the data set once, then measure
    .venv/bin/python bench/run.py --rebuild      # drop and rebuild the data set
    .venv/bin/python bench/run.py --lighthouse   # also run Lighthouse (npm lighthouse@12)

Needs PostgreSQL on 127.0.0.1:5432 with a role that may create databases (see .ci/run), and
`wrk` (apt-get install wrk). Every figure is printed, none is asserted.

How it stays fair: gunicorn runs with BENCH_FLOOR=true, which routes the floor, a logged-in
page behind the full middleware that renders a tiny template extending base.html; every
page's ratio is to that floor in the same run. Every worker is warmed on every target first;
after each wrk run the workers are left to drain what wrk left queued before the next target.
The targets run in a fresh shuffled order each round; the median and range over the rounds
are printed, with the workers' CPU per request (utime+stime from /proc/<pid>/stat over the
requests wrk completed), which moves far less than req/s with other load on the machine.
The set-log target spreads its sets over 100 people's sessions and is reset to 3 sets a
movement before each round, so its card never grows.
"""

import argparse
import json
import os
import random
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# BENCH_PORT lets two benchmarks (two checkouts) run side by side.
PORT = int(os.environ.get("BENCH_PORT", "8799"))
BASE = f"http://127.0.0.1:{PORT}"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="postgres://app:app@127.0.0.1:5432/midback_bench")
    parser.add_argument("--rebuild", action="store_true", help="drop and rebuild the data set")
    parser.add_argument("--duration", type=int, default=4, help="seconds of load per target")
    parser.add_argument("--rounds", type=int, default=3, help="shuffled rounds over the targets")
    parser.add_argument("--seed", type=int, default=16, help="seed of the shuffle")
    parser.add_argument("--only", default="", help="only targets whose label contains this")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument(
        "--redis-url",
        default="redis://127.0.0.1:6379/0",
        help="the workers' shared cache, as in production (each run under a key prefix of its own)",
    )
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
            "BENCH_FLOOR": "true",
            "REDIS_URL": args.redis_url,
            "CACHE_KEY_PREFIX": f"bench-{secrets.token_hex(4)}",
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
    # The project's own backend: a session naming one not in AUTHENTICATION_BACKENDS is
    # anonymous, and every target would measure a redirect to the log-in page.
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
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


def worker_pids(server):
    """The gunicorn workers: the master's children."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    return [int(pid) for pid in children]


def cpu_seconds(pids):
    """utime + stime of the workers, in seconds."""
    ticks = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # fields 14 and 15 of stat(5)
    return ticks / os.sysconf("SC_CLK_TCK")


def drain(pids, quiet=0.3, limit=30):
    """Wait until the workers stop using CPU: the requests wrk left queued are done."""
    deadline = time.monotonic() + limit
    last = cpu_seconds(pids)
    while time.monotonic() < deadline:
        time.sleep(quiet)
        now = cpu_seconds(pids)
        if now == last:
            return
        last = now


def wrk(target, headers, args, duration, connections):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency"]
    if target.posts is not None:
        command += ["-s", set_log_script(target.posts, headers)]
    else:
        for name, value in {**headers[target.person], **target.headers}.items():
            command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, BASE + target.path], capture_output=True, text=True, check=True
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.M))
    return {
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency.get("50", "?"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def lua_string(value):
    return json.dumps(value)  # a JSON string is a valid Lua string literal for this ASCII


def set_log_script(posts, headers):
    """A wrk script posting one set to each (person, movement) in turn, a fresh key each time.

    Each of wrk's threads starts at its own place in the list.
    """
    rows = ",\n".join(
        f"  {{{lua_string(path)}, {lua_string(headers[person]['Cookie'])}, "
        f"{lua_string(headers[person]['X-CSRFToken'])}}}"
        for person, path in posts
    )
    lua = f"""
local posts = {{
{rows}
}}
local threads = 0
function setup(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end
local n = 0
function init(args)
  n = offset or 0
  math.randomseed(os.time() + n)
end
local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function (c)
    local v = (c == "x") and math.random(0, 0xf) or math.random(8, 0xb)
    return string.format("%x", v)
  end))
end
request = function()
  n = n + 1
  local post = posts[(n % #posts) + 1]
  local headers = {{
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["HX-Request"] = "true",
    ["Cookie"] = post[2],
    ["X-CSRFToken"] = post[3],
    ["Referer"] = {lua_string(BASE + "/")},
  }}
  return wrk.format("POST", post[1], headers, "reps=10&weight=20&idempotency_key=" .. uuid())
end
"""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(lua)
    return handle.name


def check_logged_in(targets, headers):
    """Stop before measuring a redirect to the log-in page instead of the page itself."""
    for target in targets:
        if target.posts is not None or target.path == "/healthz":
            continue
        request = urllib.request.Request(BASE + target.path, headers=headers[target.person])
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            if "/accounts/login/" in response.url:
                raise SystemExit(f"{target.label}: the bench session is not logged in")


def measure(targets, headers, args, server):
    """Warm-up, then shuffled rounds; {label: [{"rps", "cpu_ms", ...}, ...]}."""
    from django.db.models import Count

    from bench.targets import posted_since, reset_posted_sets
    from workouts.models import SetLog

    baseline = SetLog.objects.order_by("-pk").values_list("pk", flat=True).first()
    check_logged_in(targets, headers)
    pids = worker_pids(server)
    print(f"warming {len(pids)} workers on every target ...", flush=True)
    for target in targets:
        wrk(target, headers, args, duration=1, connections=len(pids) * 2)
        drain(pids)
    reset_posted_sets(baseline)
    results = {target.label: [] for target in targets}
    shuffle = random.Random(args.seed)
    for round_number in range(1, args.rounds + 1):
        order = shuffle.sample(targets, len(targets))
        print(f"round {round_number}/{args.rounds}", flush=True)
        for target in order:
            if target.posts is not None:
                reset_posted_sets(baseline)
            before = cpu_seconds(pids)
            run = wrk(target, headers, args, args.duration, args.connections)
            run["cpu_ms"] = (cpu_seconds(pids) - before) * 1000 / max(run["requests"], 1)
            drain(pids)
            if target.posts is not None:
                entries = list(posted_since(baseline).values_list("entry", flat=True).distinct())
                counts = (
                    SetLog.objects.filter(entry__in=entries)
                    .values("entry")
                    .annotate(n=Count("pk"))
                    .values_list("n", flat=True)
                )
                run["note"] = (
                    f"{len(entries)} movements posted to, at most {max(counts, default=0)} "
                    "sets on one"
                )
            results[target.label].append(run)
    reset_posted_sets(baseline)
    return results


def report(targets, results):
    floor = results[targets[0].label]
    floor_rps = statistics.median(r["rps"] for r in floor)
    floor_cpu = statistics.median(r["cpu_ms"] for r in floor)
    lines = [
        "| target | req/s (median) | range | ratio to the floor | CPU per request | "
        "CPU ratio | p50 | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    notes = []
    for target in targets:
        runs = results[target.label]
        rps = [r["rps"] for r in runs]
        cpu = statistics.median(r["cpu_ms"] for r in runs)
        median = statistics.median(rps)
        lines.append(
            f"| {target.label} | {median:,.0f} | {min(rps):,.0f}-{max(rps):,.0f} "
            f"| {median / floor_rps:.2f} | {cpu:.1f} ms | {floor_cpu / cpu:.2f} "
            f"| {runs[len(runs) // 2]['p50']} | {sum(r['errors'] for r in runs)} |"
        )
        notes += [f"{target.label}: {r['note']}" for r in runs if "note" in r]
    return "\n".join(lines + [""] + notes)


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

    from django.contrib.auth import get_user_model

    from bench.targets import load_targets, page_targets

    targets = load_targets(user)
    if args.only:
        targets = [targets[0]] + [t for t in targets[1:] if args.only in t.label]
    people = {t.person for t in targets} | {p for t in targets for p, _ in t.posts or ()}
    headers = {
        person.username: authenticated_headers(person)
        for person in get_user_model().objects.filter(username__in=people)
    }
    server = start_gunicorn(args)
    try:
        print(
            f"wrk: {args.connections} connections, {args.duration} s a target, "
            f"{args.rounds} rounds; gunicorn: {args.workers} sync workers\n"
        )
        results = measure(targets, headers, args, server)
        table = report(targets, results)
        print("\n" + table)
        out = ROOT / "bench" / "results"
        out.mkdir(exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        (out / f"run-{stamp}.json").write_text(json.dumps(results, indent=1))
        (out / f"run-{stamp}.md").write_text(table + "\n")

        print(f"\n{'page':<24} {'kind':<9} {'status':>6} {'queries':>8} {'bytes':>9}")
        for label, kind, status, queries, size in page_costs(user, page_targets(user)):
            print(f"{label:<24} {kind:<9} {status:>6} {queries:>8} {size:>9,}")

        if args.lighthouse:
            print(f"\n{'lighthouse (mobile)':<24} perf  a11y  best  seo")
            pages = [(label, path) for label, path, _ in page_targets(user)]
            for label, s in lighthouse(pages, headers[user.username]):
                print(
                    f"{label:<24} {s['performance']:>4} {s['accessibility']:>5} "
                    f"{s['best-practices']:>5} {s['seo']:>4}"
                )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
