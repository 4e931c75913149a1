from django.forms.renderers import TemplatesSetting


class PlainLabelsMixin:
    """Labels without Django's trailing colon ("Kind", not "Kind:"), as the hand-written
    labels in the templates read."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class FormRenderer(TemplatesSetting):
    """Django's form rendering through the project's template engine (so the cached loader
    serves widget templates in production), with our own field template."""

    field_template_name = "forms/field.html"
