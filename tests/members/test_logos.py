"""Uploaded logos: only real PNG, JPEG or WebP images, re-encoded small and without metadata."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from members.logos import process_logo

EXIF_MAKE = 0x010F
EXIF_ORIENTATION = 0x0112
EXIF_DESCRIPTION = 0x010E


def image_file(name, *, size=(800, 600), mode="RGB", format="PNG", colour=(10, 120, 200), exif=None, **save):
    buffer = io.BytesIO()
    image = Image.new(mode, size, colour)
    if exif is not None:
        save["exif"] = exif
    image.save(buffer, format=format, **save)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{format.lower()}")


def camera_exif(**tags):
    exif = Image.Exif()
    exif[EXIF_MAKE] = "Phone Maker"
    exif[EXIF_DESCRIPTION] = "Taken at the office, Tartu"
    for tag, value in tags.items():
        exif[{"orientation": EXIF_ORIENTATION}[tag]] = value
    return exif


def opened(content_file):
    content_file.seek(0)
    image = Image.open(io.BytesIO(content_file.read()))
    image.load()
    return image


def refusal(upload):
    with pytest.raises(ValidationError) as caught:
        process_logo(upload)
    return caught.value


def test_jpeg_with_exif_comes_out_as_png_without_exif_at_most_512_px():
    upload = image_file("photo.jpg", size=(1600, 1200), format="JPEG", exif=camera_exif())
    assert Image.open(io.BytesIO(upload.read())).getexif()[EXIF_MAKE] == "Phone Maker"

    result = opened(process_logo(upload))

    assert result.format == "PNG"
    assert result.size == (512, 384)
    assert len(result.getexif()) == 0
    assert not {"exif", "icc_profile", "dpi"} & set(result.info)


def test_phone_rotation_is_applied_before_the_metadata_is_dropped():
    upload = image_file("portrait.jpg", size=(400, 200), format="JPEG", exif=camera_exif(orientation=6))

    result = opened(process_logo(upload))

    assert result.size == (200, 400)


def test_png_transparency_is_kept():
    upload = image_file("logo.png", size=(300, 100), mode="RGBA", colour=(0, 0, 0, 0))

    result = opened(process_logo(upload))

    assert result.mode == "RGBA"
    assert result.getpixel((10, 10))[3] == 0
    assert result.size == (300, 100)


def test_small_logo_is_not_enlarged():
    result = opened(process_logo(image_file("tiny.png", size=(64, 32))))

    assert result.size == (64, 32)


def test_webp_is_accepted():
    result = opened(process_logo(image_file("logo.webp", size=(1000, 1000), format="WEBP")))

    assert (result.format, result.size) == ("PNG", (512, 512))


def test_result_is_named_png_whatever_the_upload_was_called():
    assert process_logo(image_file("LOGO.JPEG", format="JPEG")).name == "logo.png"


def test_file_bigger_than_2_mb_is_refused():
    upload = SimpleUploadedFile("huge.png", b"\x89PNG" + b"0" * (2 * 1024 * 1024), content_type="image/png")

    assert refusal(upload).code == "too_large"


def test_text_file_renamed_png_is_refused():
    upload = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>not an image</svg>", content_type="image/png")

    with translation.override("en"):
        error = refusal(upload)
        message = error.messages[0]

    assert error.code == "not_an_image"
    assert "PNG, JPEG or WebP" in message


def test_gif_is_refused_even_though_it_is_an_image():
    assert refusal(image_file("logo.png", format="GIF", mode="P", colour=1)).code == "not_an_image"


def test_image_over_4000_pixels_is_refused_before_decoding():
    # 5000 × 5000 one-bit pixels compress to a few kilobytes: a small upload, a big decode.
    upload = image_file("bomb.png", size=(5000, 5000), mode="1", colour=0)
    assert upload.size < 50_000

    assert refusal(upload).code == "too_many_pixels"


def test_truncated_image_is_refused_as_unreadable():
    whole = image_file("broken.png", size=(400, 400), mode="RGB").read()
    upload = SimpleUploadedFile("broken.png", whole[: len(whole) // 2], content_type="image/png")

    assert refusal(upload).code == "unreadable"
