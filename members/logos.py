"""Organisation logos: check an upload, then re-encode it as a small PNG with no metadata.

The type is decided by the file's content, never by its name or the browser's claim, and
only three decoders are ever tried. The source's pixel size is read from its header and
checked before any pixel is decoded, so a tiny file that would expand to gigabytes
(a decompression bomb) is refused without being unpacked. The result is drawn into a
fresh image, so EXIF (camera, place, time), ICC and text chunks are all left behind.
"""

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_SOURCE_SIDE = 4000
LOGO_BOX = (512, 512)
ACCEPTED_FORMATS = ("PNG", "JPEG", "WEBP")

TOO_LARGE = _("The logo file is larger than 2 MB. Please upload a smaller file.")
NOT_AN_IMAGE = _("The logo must be a PNG, JPEG or WebP image. This file is not one of them.")
TOO_MANY_PIXELS = _("The logo is larger than 4000 × 4000 pixels. Please upload a smaller image.")
UNREADABLE = _("The logo image could not be read: it may be damaged. Please try another file.")


def process_logo(upload):
    """Validate an uploaded logo and return it as a PNG `ContentFile` of at most 512 × 512 px.

    Raises ValidationError with a message for the person who uploaded it.
    """
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(TOO_LARGE, code="too_large")
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow's own bomb warning is an error here; our limit is far below its threshold anyway.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload, formats=ACCEPTED_FORMATS) as source:
                width, height = source.size
                if width > MAX_SOURCE_SIDE or height > MAX_SOURCE_SIDE:
                    raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels")
                source.load()
                image = _flatten(source)
    except UnidentifiedImageError as error:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from error
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels") from error
    except (OSError, SyntaxError, ValueError) as error:
        # Pillow raises these for truncated or malformed files that passed the header check.
        raise ValidationError(UNREADABLE, code="unreadable") from error
    image.thumbnail(LOGO_BOX, Image.Resampling.LANCZOS)
    # A fresh image from the raw pixels carries no info dictionary: no EXIF, ICC or text.
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    output = io.BytesIO()
    clean.save(output, format="PNG", optimize=True)
    return ContentFile(output.getvalue(), name="logo.png")


def _flatten(source):
    """The picture upright (a phone's EXIF rotation applied) in RGB, or RGBA if it has transparency."""
    image = ImageOps.exif_transpose(source)
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info
    return image.convert("RGBA" if has_alpha else "RGB")
