class PlainLabelsMixin:
    """Labels without Django's trailing colon ("Kind", not "Kind:"), as the hand-written
    labels in the templates read."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
