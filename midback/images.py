"""Uploaded pictures, re-encoded by Pillow before they are stored.

Only the pixels survive: a new JPEG, PNG or WebP file is written from the decoded image, so
nothing else the upload carried (EXIF with a location, a script or archive appended to make a
polyglot) reaches the media folder. The camera's rotation is applied to the pixels first.
"""

import io
from pathlib import Path

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from midback.validators import MAX_IMAGE_SIDE, TOO_WIDE

# Pillow's format -> what is written, its extension and its content type.
OUTPUT = {
    "JPEG": ("JPEG", ".jpg", "image/jpeg"),
    "PNG": ("PNG", ".png", "image/png"),
    "WEBP": ("WEBP", ".webp", "image/webp"),
}
# What a browser might take for a page or a script if it ever sniffed the file.
MARKUP = (b"<html", b"<script", b"<svg", b"<?php", b"<!doctype", b"<body", b"<iframe")


def reencode(upload):
    """A new upload holding only the pixels of `upload`, in JPEG, PNG or WebP."""
    upload.seek(0)
    head = upload.read(1024).lower()
    if any(marker in head for marker in MARKUP):
        raise forms.ValidationError(
            _("This file holds web page code as well as a picture: save it as a plain image."),
            code="polyglot",
        )
    upload.seek(0)
    try:
        with Image.open(upload) as source:
            source_format = source.format
            width, height = source.size
            if max(width, height) > MAX_IMAGE_SIDE:
                # Refused before decoding: a huge canvas would take the worker's memory.
                raise forms.ValidationError(
                    TOO_WIDE,
                    code="image_too_wide",
                    params={"width": width, "height": height, "limit": MAX_IMAGE_SIDE},
                )
            image = ImageOps.exif_transpose(source)
            image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise forms.ValidationError(
            _("This file is not an image we can read."), code="invalid_image"
        ) from None
    if source_format in OUTPUT:
        pillow_format, extension, content_type = OUTPUT[source_format]
    elif image.mode in ("RGBA", "LA", "P", "PA"):
        pillow_format, extension, content_type = OUTPUT["PNG"]
    else:
        pillow_format, extension, content_type = OUTPUT["JPEG"]
    if pillow_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif pillow_format == "PNG" and image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        image = image.convert("RGBA")
    buffer = io.BytesIO()
    # No exif= and no icc_profile=: none of the original's metadata is written.
    image.save(buffer, format=pillow_format, quality=88, optimize=True)
    name = Path(upload.name).stem + extension
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


class PictureFormField(forms.ImageField):
    def to_python(self, data):
        checked = super().to_python(data)
        if checked is None:
            return None
        return reencode(checked)


class PictureField(models.ImageField):
    """An ImageField whose uploads are re-encoded (see reencode) before validation and storage."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PictureFormField, **kwargs})
