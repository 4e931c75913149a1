"""The benchmark's floor: the least a logged-in page costs here (see bench/run.py).

It reads the session and the user behind the full middleware stack and renders a tiny
template extending base.html, so a page's ratio to it shows what the page itself adds.
Routed only when BENCH_FLOOR is on (midback/urls.py); never in production.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def floor(request):
    return render(request, "bench/floor.html")
