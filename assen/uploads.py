"""What staff upload to the CMS: images lose their metadata (EXIF, and with it the GPS position of
whoever took the photo) before they are stored, and a document must be what its name says, by
its content, not its extension. Wagtail's own forms are the base; settings point at these."""

import io
import os

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm


def zonder_metadata(upload) -> SimpleUploadedFile:
    """The image drawn anew from its pixels, upright as its EXIF orientation said, with no EXIF,
    XMP or comments left; the format stays the same."""
    upload.seek(0)
    with Image.open(upload) as image:
        image_format = image.format
        clean = ImageOps.exif_transpose(image).copy()
        # Pillow writes back what `info` holds (EXIF, XMP, comments); keep only transparency.
        clean.info = {k: v for k, v in clean.info.items() if k == "transparency"}
        out = io.BytesIO()
        clean.save(out, format=image_format)
    return SimpleUploadedFile(upload.name, out.getvalue(), content_type=upload.content_type)


class AfbeeldingForm(BaseImageForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            image_info = getattr(upload, "image", None)
            upload = zonder_metadata(upload)
            if image_info is not None:
                upload.image = image_info  # what Wagtail's field learned of the format
        return upload


# The first bytes each allowed kind of document starts with; text kinds must be UTF-8 text.
SIGNATURES = {
    "pdf": [b"%PDF-"],
    "xlsx": [b"PK\x03\x04"],
    "zip": [b"PK\x03\x04", b"PK\x05\x06"],
    "gpkg": [b"SQLite format 3\x00"],
}
TEXT_KINDS = {"csv", "geojson"}


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or "file" not in self.changed_data:
            return upload
        extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
        upload.seek(0)
        head = upload.read(2048)
        upload.seek(0)
        if extension in TEXT_KINDS:
            try:
                head.decode("utf-8")
                valid = b"\x00" not in head
            except UnicodeDecodeError as error:
                valid = error.start > len(head) - 4  # a character cut off at 2048 bytes
        else:
            valid = any(head.startswith(sig) for sig in SIGNATURES.get(extension, []))
        if not valid:
            raise forms.ValidationError(
                _("Dit bestand is geen echt %(soort)s-bestand: de inhoud past niet bij de naam.")
                % {"soort": extension.upper() or _("onbekend")}
            )
        return upload
