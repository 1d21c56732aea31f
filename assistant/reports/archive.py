"""Office files (XLSX, DOCX) that are byte-for-byte reproducible.

Both formats are zip archives whose entries carry the time they were written: the same
report rendered twice would differ. Every entry is re-dated to the audit's `generated_at`,
so equal reports give equal bytes (and golden tests can compare them).
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime


def reproducible_zip(content: bytes, moment: datetime) -> bytes:
    """The same archive with every entry dated `moment`, so equal reports give equal bytes."""
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute,
             moment.second)  # fmt: skip
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
