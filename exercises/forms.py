from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from exercises.caching import cached
from exercises.models import Equipment, Kind, Level, Muscle


class ExerciseFilterForm(forms.Form):
    """The library's filters. Invalid values are reported and ignored; the rest still apply."""

    HOME = "home"

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": _("e.g. row, rhomboids"),
                "enterkeyhint": "search",
            }
        ),
        error_messages={"max_length": _("Search for at most %(limit_value)d characters.")},
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Any kind")), *Kind.choices],
        error_messages={
            "invalid_choice": _(
                "There is no kind of movement called “%(value)s”, so that filter was left out."
            )
        },
    )
    equipment = forms.ChoiceField(
        label=_("Equipment"),
        required=False,
        error_messages={
            "invalid_choice": _(
                "There is no equipment called “%(value)s”, so that filter was left out."
            )
        },
    )
    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=[("", _("Any level")), *Level.choices],
        error_messages={
            "invalid_choice": _(
                "There is no level called “%(value)s”, so that filter was left out."
            )
        },
    )
    muscle = forms.ChoiceField(
        label=_("Muscle"),
        required=False,
        error_messages={
            "invalid_choice": _(
                "There is no muscle called “%(value)s”, so that filter was left out."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Loaded once per content version as plain rows (unpickling model instances on every
        # request cost more than the query); filtering then uses their ids, not a lookup.
        equipment, muscles = cached(
            "choices",
            (),
            lambda: (
                [tuple(row) for row in Equipment.objects.values_list("pk", "slug", "name")],
                [
                    tuple(row)
                    for row in Muscle.objects.values_list("pk", "slug", "name", "is_mid_back")
                ],
            ),
        )
        self.equipment_by_slug = {slug: pk for pk, slug, _name in equipment}
        self.muscles_by_slug = {slug: pk for pk, slug, _name, _mid in muscles}
        self.fields["equipment"].choices = [
            ("", _("Any equipment")),
            (self.HOME, _("No equipment / at home")),
            *((slug, name) for _pk, slug, name in equipment),
        ]
        mid_back = [(slug, name) for _pk, slug, name, mid in muscles if mid]
        others = [(slug, name) for _pk, slug, name, mid in muscles if not mid]
        self.fields["muscle"].choices = [
            ("", _("Any muscle")),
            *([(_("Mid-back"), mid_back)] if mid_back else []),
            *([(_("Other muscles"), others)] if others else []),
        ]

    def filter(self, exercises):
        self.is_valid()  # fills cleaned_data with the valid fields only
        data = self.cleaned_data
        if data.get("kind"):
            exercises = exercises.of_kind(data["kind"])
        if data.get("level"):
            exercises = exercises.for_level(data["level"])
        if data.get("equipment") == self.HOME:
            exercises = exercises.for_home()
        elif data.get("equipment"):
            exercises = exercises.for_equipment(self.equipment_by_slug[data["equipment"]])
        if data.get("muscle"):
            exercises = exercises.working(self.muscles_by_slug[data["muscle"]])
        if data.get("q"):
            exercises = exercises.search(data["q"])
        return exercises

    @property
    def is_filtering(self):
        return any(self.data.get(name) for name in self.fields)

    def submitted(self):
        """What was typed or chosen in each filter, as sent: what the form shows again."""
        return tuple((name, self.data.get(name, "")) for name in self.fields)

    def cache_parts(self):
        """The filters that apply (valid and not empty), in a fixed order: a cache key part."""
        self.is_valid()
        return tuple(
            (name, self.cleaned_data[name]) for name in self.fields if self.cleaned_data.get(name)
        )

    def query_string(self, page=1):
        """The submitted filters without the empty ones (and the page past the first), for
        a tidy shareable URL."""
        params = {name: self.data[name] for name in self.fields if self.data.get(name)}
        if page > 1:
            params["page"] = page
        return f"?{urlencode(params)}" if params else ""
