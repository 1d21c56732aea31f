"""Check that a ``.docx`` or ``.xlsx`` really is the Office package its extension claims.

Both are zip archives with a known main part. Coordinators rename files, keep old
``.doc``/``.xls`` files under new names, or protect them with a password (which turns the
package into an encrypted OLE container); each case deserves its own message rather than
a zip library's traceback.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

from assistant.errors import CorruptFileError, EncryptedFileError
from assistant.readers.limits import check_zip_entries
from assistant.readers.source_file import SourceFile
from assistant.settings import IngestSettings

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True)
class OfficeKind:
    """What an Office package of one kind looks like, and how to name it to a user."""

    extension: str
    main_part: str
    label: str
    application: str
    legacy_extension: str


WORD = OfficeKind(".docx", "word/document.xml", "document Word", "Word", ".doc")
EXCEL = OfficeKind(".xlsx", "xl/workbook.xml", "classeur Excel", "Excel", ".xls")

# Main parts of other packages, to tell the user what the file really is.
_OTHER_PACKAGES = {
    WORD.main_part: f"un {WORD.label} ({WORD.extension})",
    EXCEL.main_part: f"un {EXCEL.label} ({EXCEL.extension})",
    "ppt/presentation.xml": "une présentation PowerPoint (.pptx)",
    "content.xml": "un document OpenDocument (LibreOffice : .odt ou .ods)",
}


def check_package(source: SourceFile, kind: OfficeKind, settings: IngestSettings) -> None:
    """Make sure the bytes are an Office package of `kind`.

    Raises:
        EncryptedFileError: the file is password-protected.
        CorruptFileError: it is an old binary file, not a zip, or another kind of package.
        DocumentTooComplexError: its entries inflate beyond `limits` (a decompression bomb).
    """
    data = source.data
    if data.startswith(_OLE_SIGNATURE):
        if _ENCRYPTED_STREAM in data:
            raise EncryptedFileError(
                source.path,
                f"le {kind.label} est protégé par un mot de passe ; ouvrez-le dans "
                f"{kind.application}, enregistrez-en une copie sans mot de passe puis réessayez.",
            )
        raise CorruptFileError(
            source.path,
            f"c'est un ancien fichier {kind.application} ({kind.legacy_extension}) renommé en "
            f"{kind.extension} ; ouvrez-le dans {kind.application} et enregistrez-le au "
            f"format {kind.extension}.",
        )
    not_office = CorruptFileError(
        source.path,
        f"ce fichier n'est pas un {kind.label} valide (ce n'est pas une archive Office) ; "
        f"vérifiez son extension, ou ouvrez-le dans {kind.application} et enregistrez-le au "
        f"format {kind.extension}.",
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if kind.main_part in names:
                check_zip_entries(source.path, archive, settings)
                return
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error) as error:
        raise not_office from error
    actual = next((label for part, label in _OTHER_PACKAGES.items() if part in names), None)
    if actual is not None:
        problem = f"ce fichier est en réalité {actual} et non un {kind.label}"
        advice = "donnez-lui sa vraie extension ou ouvrez-le dans son application d'origine"
    else:
        problem = f"cette archive zip n'est pas un {kind.label} ({kind.main_part} absent)"
        advice = f"ouvrez le document d'origine et enregistrez-le au format {kind.extension}"
    raise CorruptFileError(source.path, f"{problem} ; {advice}.")
