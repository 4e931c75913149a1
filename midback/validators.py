"""Checks for uploaded images, on top of ImageField's own (Pillow must open the file and its
extension must be an image format Pillow knows, so SVG and HTML are refused)."""

from django.core.exceptions import ValidationError
from django.core.files.images import get_image_dimensions
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_SIDE = 6000
TOO_WIDE = _("The image is %(width)s×%(height)s pixels; each side may be at most %(limit)s.")


def validate_image_upload(file):
    if getattr(file, "_committed", False) or not hasattr(file, "size"):
        return  # already in storage (checked when it came in), or only a name in a history row
    if file.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is %(size)s; the largest allowed is %(limit)s."),
            code="image_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(MAX_IMAGE_BYTES)},
        )
    width, height = get_image_dimensions(file)
    if width is None or height is None:
        raise ValidationError(_("This file is not an image we can read."), code="invalid_image")
    if max(width, height) > MAX_IMAGE_SIDE:
        raise ValidationError(
            TOO_WIDE,
            code="image_too_wide",
            params={"width": width, "height": height, "limit": MAX_IMAGE_SIDE},
        )


def parse_id(text):
    """A database id from a query string or form value, or None.

    str.isdigit() accepts "²" and "①", which int() refuses: only ASCII decimal digits count,
    and only what fits a 64-bit column.
    """
    text = str(text)
    if not (text.isascii() and text.isdecimal()):
        return None
    value = int(text)
    return value if value < 2**63 else None
