from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from exercises.caching import LibraryPage, cached
from exercises.forms import ExerciseFilterForm
from exercises.models import Exercise, Guidance
from midback.htmx import HtmxHttpRequest, is_fragment_request


@require_GET
@vary_on_headers("HX-Request")
def exercise_list(request: HtmxHttpRequest):
    form = ExerciseFilterForm(request.GET)
    asked = request.GET.get("page", "1")
    library = cached(
        "page",
        (form.cache_parts(), asked[:10], get_language()),
        lambda: LibraryPage.build(
            form.filter(Exercise.objects.published()).with_card_data(), asked
        ),
    )
    form.is_valid()  # a cached page skipped filter(): errors still need reporting
    context = {
        "form": form,
        "library": library,
        "filters_html": "" if is_fragment_request(request) else filters_html(form),
        "exercises": library.exercises,
        "previous_url": request.path + form.query_string(page=library.number - 1),
        "next_url": request.path + form.query_string(page=library.number + 1),
    }
    if is_fragment_request(request):
        response = render(request, "exercises/exercise_list.html#exercise-results", context)
        # Push the tidy URL (empty filters left out) rather than the raw form query.
        return push_url(response, request.path + form.query_string(page=library.number))
    return render(request, "exercises/exercise_list.html", context)


def filters_html(form):
    """The filter form as sent, the same for everyone who sends the same filters: rendered
    once per content version (its choices come from the library), never per request. Its
    widgets go through Django's widget templates, which cost more than the rest of the page."""
    return cached(
        "filters",
        (form.submitted(), get_language()),
        lambda: render_to_string("exercises/exercise_list.html#exercise-filters", {"form": form}),
    )


def detail_context(slug):
    """The detail page's text and content, or None; the same for every visitor, so it is
    rendered once and cached as HTML (unpickling the movement with all its related rows on
    every request cost more than the database did)."""
    exercise = Exercise.objects.published().with_detail_data().filter(slug=slug).first()
    if exercise is None:
        return None
    context = {
        "exercise": exercise,
        "regions": exercise.worked_regions(),
        "related": list(exercise.related()),
        "videos": list(exercise.videos.all()),
        "guidance": list(Guidance.for_kind(exercise.kind)),
    }
    return {
        "title": exercise.name,
        "description": Truncator(exercise.summary).chars(150),
        "content_html": render_to_string("exercises/exercise_detail.html#detail-content", context),
    }


@require_GET
def exercise_detail(request: HtmxHttpRequest, slug):
    # Unknown slugs are not cached: anyone can make up as many as they like.
    context = cached("detail", slug, lambda: detail_context(slug))
    if context is None:
        raise Http404
    return render(request, "exercises/exercise_detail.html", context)
