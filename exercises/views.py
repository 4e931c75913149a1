from django.http import HttpRequest
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url
from django_htmx.middleware import HtmxDetails

from exercises.caching import LibraryPage, cached
from exercises.forms import ExerciseFilterForm
from exercises.models import Exercise, Guidance


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@require_GET
@vary_on_headers("HX-Request")
def exercise_list(request: HtmxHttpRequest):
    form = ExerciseFilterForm(request.GET)
    asked = request.GET.get("page", "1")
    library = cached(
        "page",
        (form.cache_parts(), asked[:10]),
        lambda: LibraryPage.build(
            form.filter(Exercise.objects.published()).with_card_data(), asked
        ),
    )
    form.is_valid()  # a cached page skipped filter(): errors still need reporting
    context = {
        "form": form,
        "library": library,
        "exercises": library.exercises,
        "previous_url": request.path + form.query_string(page=library.number - 1),
        "next_url": request.path + form.query_string(page=library.number + 1),
    }
    if request.htmx and not request.htmx.boosted and not request.htmx.history_restore_request:
        response = render(request, "exercises/exercise_list.html#exercise-results", context)
        # Push the tidy URL (empty filters left out) rather than the raw form query.
        return push_url(response, request.path + form.query_string(page=library.number))
    return render(request, "exercises/exercise_list.html", context)


@require_GET
def exercise_detail(request: HtmxHttpRequest, slug):
    exercise = get_object_or_404(Exercise.objects.published().with_detail_data(), slug=slug)
    context = {
        "exercise": exercise,
        "regions": exercise.worked_regions(),
        "related": exercise.related(),
        "guidance": Guidance.for_kind(exercise.kind),
    }
    return render(request, "exercises/exercise_detail.html", context)
