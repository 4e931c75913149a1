"""Times each bench page in-process (test client) and writes its slowest queries' plans.

    .venv/bin/python bench/profile_pages.py [--explain]

Plans go to bench/results/plans-<page>.txt (EXPLAIN ANALYZE of every query over 3 ms).
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
    args = parser.parse_args()
    from bench.run import configure_environment

    class A:
        database_url = "postgres://app:app@127.0.0.1:5432/midback_bench"

    configure_environment(A)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.targets import load_targets, page_targets

    user = get_user_model().objects.get(username="bench0")
    client = Client()
    client.force_login(user)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    seen = set()
    pages = [(label, path, extra, fields) for label, path, extra, fields in load_targets(user)]
    pages += [(label, path, {}, None) for label, path, _ in page_targets(user, fresh=False)]
    for label, path, extra, fields in pages:
        if (path, bool(fields)) in seen or (args.only and args.only not in label):
            continue
        seen.add((path, bool(fields)))
        meta = {"HTTP_" + k.upper().replace("-", "_"): v for k, v in extra.items()}
        client.get(path, **meta) if fields is None else None  # warm up
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            if fields is None:
                response = client.get(path, **meta)
            else:
                response = client.post(
                    path, {**fields, "idempotency_key": str(uuid.uuid4())}, **meta
                )
            elapsed = (time.perf_counter() - started) * 1000
        db = sum(float(q["time"]) for q in queries.captured_queries) * 1000
        print(
            f"{label:<30} {response.status_code} {elapsed:8.1f} ms  db {db:7.1f} ms "
            f"{len(queries):3} q {len(response.content):8,} B"
        )
        if args.explain:
            slug = re.sub(r"\W+", "-", label.lower()).strip("-")
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
