"""Times each bench page in-process (test client) and writes its slowest queries' plans.

    .venv/bin/python bench/profile_pages.py [--explain] [--profile] [--only LABEL]

Plans go to bench/results/plans-<page>.txt (EXPLAIN ANALYZE of every query over 3 ms);
--profile writes a pyinstrument profile of 20 requests to bench/results/profile-<page>.txt.
Never run it while bench/run.py measures: it reopens the bench people's sessions.
"""

import argparse
import re
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--only", default="")
    parser.add_argument("--profile", action="store_true", help="pyinstrument, 20 requests")
    parser.add_argument("--repeat", type=int, default=10, help="requests timed for CPU")
    parser.add_argument("--database-url", default="postgres://app:app@127.0.0.1:5432/midback_bench")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    args = parser.parse_args()
    from bench.run import configure_environment

    configure_environment(args)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.targets import load_targets, page_targets

    clients = {}

    def client_for(username):
        if username not in clients:
            clients[username] = Client()
            clients[username].force_login(get_user_model().objects.get(username=username))
        return clients[username]

    user = get_user_model().objects.get(username="bench0")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    seen = set()
    set_fields = {"reps": 10, "weight": "20"}
    pages = [
        # A set is posted as the person whose movement it is (another person's is a 404).
        (
            t.label,
            t.path,
            t.headers,
            set_fields if t.posts else None,
            t.posts[0][0] if t.posts else t.person,
        )
        for t in load_targets(user)
        if not t.path.startswith("/healthz")
    ]
    pages += [(label, path, {}, None, "bench0") for label, path, _ in page_targets(user, False)]
    for label, path, extra, fields, person in pages:
        if (path, bool(fields), person) in seen or (
            args.only and args.only not in label and not label.startswith("floor")
        ):
            continue
        seen.add((path, bool(fields), person))
        client = client_for(person)
        meta = {"HTTP_" + k.upper().replace("-", "_"): v for k, v in extra.items()}

        def request(client=client, path=path, meta=meta, fields=fields):
            if fields is None:
                return client.get(path, **meta)
            return client.post(path, {**fields, "idempotency_key": str(uuid.uuid4())}, **meta)

        client.get(path, **meta) if fields is None else None  # warm up
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = request()
            elapsed = (time.perf_counter() - started) * 1000
        db = sum(float(q["time"]) for q in queries.captured_queries) * 1000
        count = len(queries)
        # CPU of this process per request (Python's share; the database's is not in it),
        # over a few requests: steadier than the wall time on a busy machine.
        cpu_started = time.process_time()
        for _ in range(args.repeat):
            request()
        cpu = (time.process_time() - cpu_started) * 1000 / args.repeat
        print(
            f"{label:<30} {response.status_code} {elapsed:8.1f} ms  db {db:7.1f} ms "
            f"cpu {cpu:6.1f} ms {count:3} q {len(response.content):8,} B",
            flush=True,
        )
        slug = re.sub(r"\W+", "-", label.lower()).strip("-")
        if args.profile:
            from pyinstrument import Profiler

            with Profiler(interval=0.0005) as profiler:
                for _ in range(20):
                    request()
            (out / f"profile-{slug}.txt").write_text(
                profiler.output_text(show_all=False)
                + "\n\nFlat, time spent in each function itself:\n"
                + profiler.output_text(flat=True, flat_time="self")
                + "\n\nFlat, time under each function:\n"
                + profiler.output_text(flat=True, flat_time="total")
            )
        if args.explain:
            with open(out / f"plans-{slug}.txt", "w") as handle:
                handle.write(f"{label}: {path}\n\n")
                for query in queries.captured_queries:
                    sql = query["sql"]
                    if float(query["time"]) < 0.003 or not sql.startswith("SELECT"):
                        continue
                    with connection.cursor() as cursor:
                        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                        plan = "\n".join(row[0] for row in cursor.fetchall())
                    handle.write(f"-- {float(query['time']) * 1000:.1f} ms\n{sql}\n{plan}\n\n")


if __name__ == "__main__":
    main()
