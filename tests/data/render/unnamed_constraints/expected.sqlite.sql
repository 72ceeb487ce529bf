CREATE TABLE "post" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "author_id" INTEGER NOT NULL,
    "slug" CHAR(8) NOT NULL,
    "rating" SMALLINT,
    UNIQUE ("author_id", "slug"),
    FOREIGN KEY ("author_id") REFERENCES "author" ("id"),
    CHECK (rating BETWEEN 1 AND 5),
    CHECK (length(slug) = 8 AND rating > 0)
);

CREATE TABLE "_strata_new_author" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" VARCHAR NOT NULL,
    UNIQUE ("email")
);
INSERT INTO "_strata_new_author" ("id", "email") SELECT "id", "email" FROM "author";
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'author'), 0)) WHERE name = '_strata_new_author';
INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_author', seq FROM sqlite_sequence WHERE name = 'author' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_author');
DROP TABLE "author";
ALTER TABLE "_strata_new_author" RENAME TO "author";
PRAGMA foreign_key_check("author");

CREATE TABLE "_strata_new_post" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "author_id" INTEGER NOT NULL,
    "slug" CHAR(8) NOT NULL,
    "rating" SMALLINT,
    UNIQUE ("author_id", "slug"),
    FOREIGN KEY ("author_id") REFERENCES "author" ("id"),
    FOREIGN KEY ("author_id") REFERENCES "author" ("id") ON DELETE CASCADE,
    CHECK (rating BETWEEN 1 AND 5),
    CHECK (length(slug) = 8 AND rating > 0)
);
INSERT INTO "_strata_new_post" ("id", "author_id", "slug", "rating") SELECT "id", "author_id", "slug", "rating" FROM "post";
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'post'), 0)) WHERE name = '_strata_new_post';
INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_post', seq FROM sqlite_sequence WHERE name = 'post' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_post');
DROP TABLE "post";
ALTER TABLE "_strata_new_post" RENAME TO "post";
PRAGMA foreign_key_check("post");

CREATE TABLE "_strata_new_post" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "author_id" INTEGER NOT NULL,
    "slug" CHAR(8) NOT NULL,
    "rating" SMALLINT,
    UNIQUE ("author_id", "slug"),
    FOREIGN KEY ("author_id") REFERENCES "author" ("id") ON DELETE CASCADE,
    CHECK (rating BETWEEN 1 AND 5),
    CHECK (length(slug) = 8 AND rating > 0)
);
INSERT INTO "_strata_new_post" ("id", "author_id", "slug", "rating") SELECT "id", "author_id", "slug", "rating" FROM "post";
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'post'), 0)) WHERE name = '_strata_new_post';
INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_post', seq FROM sqlite_sequence WHERE name = 'post' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_post');
DROP TABLE "post";
ALTER TABLE "_strata_new_post" RENAME TO "post";
PRAGMA foreign_key_check("post");

CREATE TABLE "_strata_new_post" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "author_id" INTEGER NOT NULL,
    "slug" CHAR(8) NOT NULL,
    "rating" SMALLINT,
    FOREIGN KEY ("author_id") REFERENCES "author" ("id") ON DELETE CASCADE,
    CHECK (rating BETWEEN 1 AND 5),
    CHECK (length(slug) = 8 AND rating > 0)
);
INSERT INTO "_strata_new_post" ("id", "author_id", "slug", "rating") SELECT "id", "author_id", "slug", "rating" FROM "post";
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'post'), 0)) WHERE name = '_strata_new_post';
INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_post', seq FROM sqlite_sequence WHERE name = 'post' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_post');
DROP TABLE "post";
ALTER TABLE "_strata_new_post" RENAME TO "post";
PRAGMA foreign_key_check("post");

CREATE TABLE "_strata_new_post" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "author_id" INTEGER NOT NULL,
    "slug" CHAR(8) NOT NULL,
    "rating" SMALLINT,
    FOREIGN KEY ("author_id") REFERENCES "author" ("id") ON DELETE CASCADE,
    CHECK (length(slug) = 8 AND rating > 0)
);
INSERT INTO "_strata_new_post" ("id", "author_id", "slug", "rating") SELECT "id", "author_id", "slug", "rating" FROM "post";
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'post'), 0)) WHERE name = '_strata_new_post';
INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_post', seq FROM sqlite_sequence WHERE name = 'post' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_post');
DROP TABLE "post";
ALTER TABLE "_strata_new_post" RENAME TO "post";
PRAGMA foreign_key_check("post");

CREATE TABLE "_strata_new_post" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "author_id" INTEGER NOT NULL,
    "slug" CHAR(8) NOT NULL,
    "rating" SMALLINT,
    FOREIGN KEY ("author_id") REFERENCES "author" ("id") ON DELETE CASCADE
);
INSERT INTO "_strata_new_post" ("id", "author_id", "slug", "rating") SELECT "id", "author_id", "slug", "rating" FROM "post";
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'post'), 0)) WHERE name = '_strata_new_post';
INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_post', seq FROM sqlite_sequence WHERE name = 'post' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_post');
DROP TABLE "post";
ALTER TABLE "_strata_new_post" RENAME TO "post";
PRAGMA foreign_key_check("post");

CREATE TABLE "_strata_new_author" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" VARCHAR NOT NULL
);
INSERT INTO "_strata_new_author" ("id", "email") SELECT "id", "email" FROM "author";
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'author'), 0)) WHERE name = '_strata_new_author';
INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_author', seq FROM sqlite_sequence WHERE name = 'author' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_author');
DROP TABLE "author";
ALTER TABLE "_strata_new_author" RENAME TO "author";
PRAGMA foreign_key_check("author");
