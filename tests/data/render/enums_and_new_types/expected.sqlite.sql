CREATE TABLE "ticket" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" CHAR(3) NOT NULL,
    "flag" CHAR,
    "status" VARCHAR(6) NOT NULL DEFAULT 'open',
    "kind" VARCHAR(7) CHECK ("kind" IN ('bug', 'feature')),
    "body" TSVECTOR
);

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
DROP TABLE "ticket";
ALTER TABLE "_strata_new_ticket" RENAME TO "ticket";
PRAGMA foreign_key_check("ticket");

ALTER TABLE "account" DROP COLUMN "status";

DROP TABLE "ticket";
