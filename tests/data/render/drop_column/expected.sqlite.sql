ALTER TABLE "habit" DROP COLUMN "legacy";

DROP INDEX "ix_habit_colour";

ALTER TABLE "habit" DROP COLUMN "colour";

CREATE TABLE "_strata_new_habit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" VARCHAR(120) NOT NULL,
    "priority" SMALLINT DEFAULT 3
);
INSERT INTO "_strata_new_habit" ("id", "title", "priority") SELECT "id", "title", "priority" FROM "habit";
DROP TABLE "habit";
ALTER TABLE "_strata_new_habit" RENAME TO "habit";
PRAGMA foreign_key_check("habit");

ALTER TABLE "habit" DROP COLUMN "priority";
