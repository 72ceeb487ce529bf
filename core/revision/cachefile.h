#pragma once

#include "core/revision/revisioncache.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace strata::cachefile {

// One file under a project's .strata-cache/: a payload tied to the executable
// that wrote it (path, size, mtime), so a rebuilt or upgraded Strata never
// reads another build's encoding, and checked by a digest, so a damaged file
// reads as missing. The revision cache and the models cache share it.

// .strata-cache/<kind>-<tag>.bin, the tag naming the running executable
// (the CLI and the studio keep one file each). Empty when the executable
// cannot be found.
QString pathFor(const QString &projectDirectory, const QString &kind);

// The payload, or nullopt when the file is missing, torn, corrupt, of
// another format or written by another build.
std::optional<QByteArray> read(const QString &path, quint32 magic, qint32 format);

// Writes atomically (a temporary file renamed over the old one), creating
// .strata-cache/ with a .gitignore that keeps it out of version control.
bool write(const QString &path, quint32 magic, qint32 format, const QByteArray &payload);

// Whether a file with this stamp may be cached: its last change must be
// older than the racy window before scanStartNs (wall-clock time taken before
// the file was stat'ed), else a second write in the same clock tick could
// keep the stamp. Whole-second stamps get the coarse window.
bool settled(const FileStamp &stamp, qint64 scanStartNs, qint64 racyWindowNs = RevisionCache::kRacyWindowNs);

// Wall-clock time now, in nanoseconds since the epoch, as file stamps count.
qint64 wallClockNs();

} // namespace strata::cachefile
