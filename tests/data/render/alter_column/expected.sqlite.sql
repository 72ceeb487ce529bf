CREATE TABLE "_strata_new_user" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" VARCHAR(20) NOT NULL,
    "display_name" TEXT,
    "karma" INTEGER DEFAULT 0,
    "active" BOOLEAN DEFAULT true,
    CONSTRAINT uq_user_code UNIQUE ("code")
);
INSERT INTO "_strata_new_user" ("id", "code", "display_name", "karma", "active") SELECT "id", "code", "display_name", "karma", "active" FROM "user";
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'user'), 0)) WHERE name = '_strata_new_user';
INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_user', seq FROM sqlite_sequence WHERE name = 'user' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_user');
DROP TABLE "user";
ALTER TABLE "_strata_new_user" RENAME TO "user";
CREATE INDEX "ix_user_display_name" ON "user" ("display_name");
PRAGMA foreign_key_check("user");

CREATE TABLE "_strata_new_user" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" VARCHAR(20) NOT NULL,
    "display_name" TEXT NOT NULL,
    "karma" INTEGER DEFAULT 0,
    "active" BOOLEAN DEFAULT true,
    CONSTRAINT uq_user_code UNIQUE ("code")
);
INSERT INTO "_strata_new_user" ("id", "code", "display_name", "karma", "active") SELECT "id", "code", "display_name", "karma", "active" FROM "user";
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'user'), 0)) WHERE name = '_strata_new_user';
INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_user', seq FROM sqlite_sequence WHERE name = 'user' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_user');
DROP TABLE "user";
ALTER TABLE "_strata_new_user" RENAME TO "user";
CREATE INDEX "ix_user_display_name" ON "user" ("display_name");
PRAGMA foreign_key_check("user");

CREATE TABLE "_strata_new_user" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" VARCHAR(20) NOT NULL,
    "display_name" TEXT NOT NULL,
    "karma" BIGINT DEFAULT 0,
    "active" BOOLEAN DEFAULT true,
    CONSTRAINT uq_user_code UNIQUE ("code")
);
INSERT INTO "_strata_new_user" ("id", "code", "display_name", "karma", "active") SELECT "id", "code", "display_name", "karma", "active" FROM "user";
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'user'), 0)) WHERE name = '_strata_new_user';
INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_user', seq FROM sqlite_sequence WHERE name = 'user' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_user');
DROP TABLE "user";
ALTER TABLE "_strata_new_user" RENAME TO "user";
CREATE INDEX "ix_user_display_name" ON "user" ("display_name");
PRAGMA foreign_key_check("user");

CREATE TABLE "_strata_new_user" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" VARCHAR(20) NOT NULL,
    "display_name" TEXT NOT NULL,
    "karma" BIGINT DEFAULT 10,
    "active" BOOLEAN DEFAULT true,
    CONSTRAINT uq_user_code UNIQUE ("code")
);
INSERT INTO "_strata_new_user" ("id", "code", "display_name", "karma", "active") SELECT "id", "code", "display_name", "karma", "active" FROM "user";
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'user'), 0)) WHERE name = '_strata_new_user';
INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_user', seq FROM sqlite_sequence WHERE name = 'user' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_user');
DROP TABLE "user";
ALTER TABLE "_strata_new_user" RENAME TO "user";
CREATE INDEX "ix_user_display_name" ON "user" ("display_name");
PRAGMA foreign_key_check("user");

CREATE TABLE "_strata_new_user" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" VARCHAR(20) NOT NULL,
    "display_name" TEXT NOT NULL,
    "karma" BIGINT DEFAULT 10,
    "active" BOOLEAN,
    CONSTRAINT uq_user_code UNIQUE ("code")
);
INSERT INTO "_strata_new_user" ("id", "code", "display_name", "karma", "active") SELECT "id", "code", "display_name", "karma", "active" FROM "user";
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'user'), 0)) WHERE name = '_strata_new_user';
INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_user', seq FROM sqlite_sequence WHERE name = 'user' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_user');
DROP TABLE "user";
ALTER TABLE "_strata_new_user" RENAME TO "user";
CREATE INDEX "ix_user_display_name" ON "user" ("display_name");
PRAGMA foreign_key_check("user");

ALTER TABLE "user" RENAME COLUMN "display_name" TO "full name";

ALTER TABLE "user" RENAME COLUMN "code" TO "handle";
CREATE TABLE "_strata_new_user" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "handle" VARCHAR(40) NOT NULL,
    "full name" TEXT NOT NULL,
    "karma" BIGINT DEFAULT 10,
    "active" BOOLEAN,
    CONSTRAINT uq_user_code UNIQUE ("handle")
);
INSERT INTO "_strata_new_user" ("id", "handle", "full name", "karma", "active") SELECT "id", "handle", "full name", "karma", "active" FROM "user";
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'user'), 0)) WHERE name = '_strata_new_user';
INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_user', seq FROM sqlite_sequence WHERE name = 'user' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_user');
DROP TABLE "user";
ALTER TABLE "_strata_new_user" RENAME TO "user";
CREATE INDEX "ix_user_display_name" ON "user" ("full name");
PRAGMA foreign_key_check("user");
