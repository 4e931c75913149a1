"""My routines, starter routines, and the routine builder."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from midback.htmx import is_fragment_request
from routines.forms import (
    AddItemForm,
    ExercisePickerForm,
    MoveItemForm,
    PrescriptionForm,
    RoutineForm,
)
from routines.models import Routine, RoutineItem
from workouts.caching import log_changed

LIST = "routines/routine_list.html"
BUILDER = "routines/routine_detail.html"


def _own_routine(request, pk):
    return get_object_or_404(request.user.routines, pk=pk)


def _own_item(routine, item_pk):
    return get_object_or_404(routine.items.select_related("exercise"), pk=item_pk)


# My routines -------------------------------------------------------------------------------


def _list_context(request, **extra):
    routines = list(request.user.routines.with_item_count())
    return {
        "active": [routine for routine in routines if not routine.is_archived],
        "archived": [routine for routine in routines if routine.is_archived],
        "starters": Routine.objects.starters().with_item_count(),
        "form": RoutineForm(),
        **extra,
    }


def _list_changed(request, notice):
    """After a change on the list page: the lists for htmx, or a redirect with a message."""
    if is_fragment_request(request):
        return render(request, f"{LIST}#routine-lists", _list_context(request, notice=notice))
    messages.success(request, notice)
    return redirect("routines:list")


@login_required
@require_GET
def routine_list(request):
    return render(request, LIST, _list_context(request))


@login_required
@require_POST
def routine_create(request):
    form = RoutineForm(request.POST)
    if form.is_valid():
        routine = form.save(commit=False)
        routine.user = request.user
        routine.save()
        if is_fragment_request(request):
            return HttpResponseClientRedirect(routine.get_absolute_url())
        messages.success(request, _("Routine created. Now add its movements."))
        return redirect(routine)
    if is_fragment_request(request):
        return render(request, f"{LIST}#routine-create", {"form": form})
    return render(request, LIST, _list_context(request, form=form))


@login_required
@require_GET
def starter_detail(request, pk):
    starter = get_object_or_404(Routine.objects.starters(), pk=pk)
    items = starter.items.select_related("exercise")
    return render(request, "routines/starter_detail.html", {"starter": starter, "items": items})


@login_required
@require_POST
def starter_copy(request, pk):
    starter = get_object_or_404(Routine.objects.starters(), pk=pk)
    routine = starter.copy_for(request.user)
    # Open the copy: the person copied it to use or change it, not to look for it in a list.
    messages.success(
        request,
        _("“%(name)s” is now in your routines. Change it as you like.") % {"name": routine.name},
    )
    if is_fragment_request(request):
        return HttpResponseClientRedirect(routine.get_absolute_url())
    return redirect(routine)


@login_required
@require_POST
def routine_duplicate(request, pk):
    routine = _own_routine(request, pk).duplicate()
    return _list_changed(request, _("Made a copy: “%(name)s”.") % {"name": routine.name})


@login_required
@require_POST
def routine_archive(request, pk):
    routine = _own_routine(request, pk)
    routine.archive()
    return _list_changed(request, _("“%(name)s” is archived.") % {"name": routine.name})


@login_required
@require_POST
def routine_unarchive(request, pk):
    routine = _own_routine(request, pk)
    routine.unarchive()
    return _list_changed(request, _("“%(name)s” is back in use.") % {"name": routine.name})


@login_required
@require_http_methods(["GET", "POST"])
def routine_delete(request, pk):
    if not Routine.objects.filter(pk=pk).exists():
        # A resent delete: the routine is already gone (someone else's is still a 404).
        messages.info(request, _("That routine is already deleted."))
        return redirect("routines:list")
    routine = _own_routine(request, pk)
    if request.method == "POST":
        name = routine.name
        routine.delete()
        log_changed(request.user.pk)  # its sessions stay in history, without its name
        messages.success(request, _("“%(name)s” is deleted.") % {"name": name})
        if is_fragment_request(request):
            return HttpResponseClientRedirect(reverse("routines:list"))
        return redirect("routines:list")
    return render(
        request,
        "routines/routine_confirm_delete.html",
        {"routine": routine, "schedule_count": routine.schedules.count()},
    )


# The builder -------------------------------------------------------------------------------


def _item_form(item, profile, data=None):
    return PrescriptionForm(
        data, instance=item, prefix=f"item-{item.pk}", weight_unit=profile.weight_unit
    )


def _prepare_items(items, profile, bound_form=None):
    """Give every item its edit form and its place, which the template shows."""
    for index, item in enumerate(items):
        item.form = (
            bound_form
            if bound_form and bound_form.instance.pk == item.pk
            else _item_form(item, profile)
        )
        item.is_first = index == 0
        item.is_last = index == len(items) - 1
    return items


def _builder_context(request, routine, profile, *, bound_form=None, **extra):
    items = list(routine.items.select_related("exercise"))
    return {
        "routine": routine,
        "items": _prepare_items(items, profile, bound_form),
        "weight_unit": profile.weight_unit,
        **extra,
    }


def _picker_context(request, routine, profile):
    picker = ExercisePickerForm(request.GET)
    return {
        "routine": routine,
        "picker": picker,
        "exercises": picker.results(profile),
        "training_at": profile.get_training_at_display(),
    }


def _items_changed(request, routine, *, notice="", error="", anchor="", focus_items=False):
    """After a change to the items: the list for htmx, or a redirect back to the builder."""
    if is_fragment_request(request):
        profile = request.profile
        context = _builder_context(
            request,
            routine,
            profile,
            items_notice=notice,
            items_error=error,
            focus_items=focus_items,
        )
        return render(request, f"{BUILDER}#routine-items", context)
    if error:
        messages.error(request, error)
    elif notice:
        messages.success(request, notice)
    return redirect(f"{routine.get_absolute_url()}{anchor}")


@login_required
@require_GET
@vary_on_headers("HX-Request")
def routine_detail(request, pk):
    routine = _own_routine(request, pk)
    profile = request.profile
    if is_fragment_request(request):
        return render(
            request, f"{BUILDER}#picker-results", _picker_context(request, routine, profile)
        )
    context = _builder_context(request, routine, profile, form=RoutineForm(instance=routine))
    context.update(_picker_context(request, routine, profile))
    return render(request, BUILDER, context)


@login_required
@require_POST
def routine_rename(request, pk):
    routine = _own_routine(request, pk)
    # A copy, so a rejected name never shows up as the page's heading.
    form = RoutineForm(request.POST, instance=copy.copy(routine))
    if form.is_valid():
        routine = form.save()
        log_changed(request.user.pk)  # history names the routine of each session
        if is_fragment_request(request):
            form = RoutineForm(instance=routine)
            return render(
                request,
                f"{BUILDER}#routine-header",
                {"routine": routine, "form": form, "header_notice": _("Saved.")},
            )
        messages.success(request, _("Saved."))
        return redirect(routine)
    if is_fragment_request(request):
        return render(request, f"{BUILDER}#routine-header", {"routine": routine, "form": form})
    profile = request.profile
    context = _builder_context(request, routine, profile, form=form)
    context.update(_picker_context(request, routine, profile))
    return render(request, BUILDER, context)


@login_required
@require_POST
def item_add(request, pk):
    routine = _own_routine(request, pk)
    form = AddItemForm(request.POST)
    if not form.is_valid():
        return _items_changed(request, routine, error=form.errors["exercise"][0])
    item = routine.add_item(form.cleaned_data["exercise"])
    notice = _("Added %(name)s as number %(number)s.") % {
        "name": item.exercise.name,
        "number": item.position + 1,
    }
    return _items_changed(request, routine, notice=notice, anchor=f"#item-{item.pk}")


@login_required
@require_POST
def item_remove(request, pk, item_pk):
    routine = _own_routine(request, pk)
    item = routine.items.select_related("exercise").filter(pk=item_pk).first()
    if item is None:
        if RoutineItem.objects.filter(pk=item_pk).exists():
            raise Http404
        # A resent or double-tapped remove: the movement is already gone.
        return _items_changed(request, routine, notice=_("That movement was already removed."))
    routine.remove_item(item)
    # The pressed button is gone: focus moves to the list's heading instead.
    return _items_changed(
        request,
        routine,
        notice=_("Removed %(name)s.") % {"name": item.exercise.name},
        focus_items=True,
    )


@login_required
@require_POST
def item_move(request, pk, item_pk):
    routine = _own_routine(request, pk)
    item = _own_item(routine, item_pk)
    form = MoveItemForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Move an item up or down."))
    routine.move_item(item, form.offset)
    return _items_changed(request, routine, anchor=f"#item-{item.pk}")


@login_required
@require_POST
def item_edit(request, pk, item_pk):
    routine = _own_routine(request, pk)
    item = _own_item(routine, item_pk)
    profile = request.profile
    # The form works on a copy: rejected values must not show up in the item's summary.
    form = _item_form(copy.copy(item), profile, data=request.POST)
    saved = form.is_valid()
    if saved:
        item = form.save()
        if not is_fragment_request(request):
            messages.success(request, _("Saved %(name)s.") % {"name": item.exercise.name})
            return redirect(f"{routine.get_absolute_url()}#item-{item.pk}")
        form = _item_form(item, profile)
    elif not is_fragment_request(request):
        context = _builder_context(
            request, routine, profile, bound_form=form, form=RoutineForm(instance=routine)
        )
        context.update(_picker_context(request, routine, profile))
        return render(request, BUILDER, context)
    item.form = form
    count = routine.items.count()
    item.is_first = item.position == 0
    item.is_last = item.position >= count - 1
    context = {
        "routine": routine,
        "item": item,
        "weight_unit": profile.weight_unit,
        "item_saved": saved,
    }
    return render(request, f"{BUILDER}#routine-item", context)
