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
    and only what fits a 64-bit column: at most 19 digits, so int() never sees the thousands of
    digits it refuses with a ValueError.
    """
    text = str(text)
    if not (text.isascii() and text.isdecimal()) or len(text) > 19:
        return None
    value = int(text)
    return value if value < 2**63 else None


MAX_VIDEO_BYTES = 50 * 1024 * 1024
MAX_CAPTIONS_BYTES = 200 * 1024
# The first bytes of each container we accept, checked so a renamed file is refused.
VIDEO_SIGNATURES = {".mp4": (4, b"ftyp"), ".webm": (0, b"\x1a\x45\xdf\xa3")}


def _extension(file):
    name = getattr(file, "name", "") or ""
    return name[name.rfind(".") :].lower() if "." in name else ""


def _too_large(file, limit, code):
    return ValidationError(
        _("The file is %(size)s; the largest allowed is %(limit)s."),
        code=code,
        params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
    )


def validate_video_upload(file):
    if getattr(file, "_committed", False) or not hasattr(file, "size"):
        return
    extension = _extension(file)
    if extension not in VIDEO_SIGNATURES:
        raise ValidationError(
            _("Upload an MP4 or WebM video (a file ending in .mp4 or .webm)."),
            code="video_type",
        )
    if file.size > MAX_VIDEO_BYTES:
        raise _too_large(file, MAX_VIDEO_BYTES, "video_too_large")
    offset, signature = VIDEO_SIGNATURES[extension]
    file.seek(0)
    head = file.read(offset + len(signature))
    file.seek(0)
    if head[offset:] != signature:
        raise ValidationError(
            _("This file does not look like a %(kind)s video; it may be damaged or renamed."),
            code="video_content",
            params={"kind": extension[1:].upper()},
        )


def validate_captions_upload(file):
    if getattr(file, "_committed", False) or not hasattr(file, "size"):
        return
    if _extension(file) != ".vtt":
        raise ValidationError(
            _("Upload the captions as a WebVTT file (ending in .vtt)."), code="captions_type"
        )
    if file.size > MAX_CAPTIONS_BYTES:
        raise _too_large(file, MAX_CAPTIONS_BYTES, "captions_too_large")
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = ""
    if not text.startswith("WEBVTT"):
        raise ValidationError(
            _("A WebVTT captions file starts with the line WEBVTT; this one does not."),
            code="captions_content",
        )
