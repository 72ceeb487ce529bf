#pragma once

#include "core/schema/schema.h"

namespace strata {

// models.yaml: the schema the application wants, dialect-neutral.
//   tables:
//     user:
//       columns: [...]            # the create_table shape, keyed by table name
// A missing file is an empty schema; errors carry file:line:col.
Result<Schema> readModels(const QString &path);
// The same from the file's bytes; path only names the file in errors.
Result<Schema> parseModels(const QByteArray &yamlText, const QString &path);

} // namespace strata
