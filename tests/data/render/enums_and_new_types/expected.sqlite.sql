CREATE TABLE "ticket" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" CHAR(3) NOT NULL,
    "flag" CHAR,
    "status" VARCHAR(6) NOT NULL DEFAULT 'open',
    "kind" VARCHAR(7) CHECK ("kind" IN ('bug', 'feature')),
    "body" TSVECTOR
);

ALTER TABLE "account" ADD COLUMN "note" TEXT;

ALTER TABLE "account" ADD COLUMN "status" VARCHAR(6);

CREATE TABLE "_strata_new_ticket" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" CHAR(3) NOT NULL,
    "flag" CHAR,
    "status" VARCHAR(7) NOT NULL DEFAULT 'open',
    "kind" VARCHAR(7) CHECK ("kind" IN ('bug', 'feature')),
    "body" TSVECTOR
);
INSERT INTO "_strata_new_ticket" ("id", "code", "flag", "status", "kind", "body") SELECT "id", "code", "flag", "status", "kind", "body" FROM "ticket";
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'ticket'), 0)) WHERE name = '_strata_new_ticket';
INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_ticket', seq FROM sqlite_sequence WHERE name = 'ticket' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_ticket');
DROP TABLE "ticket";
ALTER TABLE "_strata_new_ticket" RENAME TO "ticket";
PRAGMA foreign_key_check("ticket");

ALTER TABLE "account" DROP COLUMN "status";

DROP TABLE "ticket";
