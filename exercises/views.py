from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from exercises.models import Exercise


@require_GET
def home(request):
    return render(request, "home.html")


@require_GET
def exercise_list(request):
    exercises = Exercise.objects.published().with_card_data()
    return render(request, "exercises/exercise_list.html", {"exercises": exercises})


@require_GET
def exercise_detail(request, slug):
    exercise = get_object_or_404(Exercise.objects.published(), slug=slug)
    return render(request, "exercises/exercise_detail.html", {"exercise": exercise})
