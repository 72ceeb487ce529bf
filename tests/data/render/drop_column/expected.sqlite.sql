ALTER TABLE "habit" DROP COLUMN "legacy";

DROP INDEX "ix_habit_colour";

ALTER TABLE "habit" DROP COLUMN "colour";

CREATE TABLE "_strata_new_habit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" VARCHAR(120) NOT NULL,
    "priority" SMALLINT DEFAULT 3
);
INSERT INTO "_strata_new_habit" ("id", "title", "priority") SELECT "id", "title", "priority" FROM "habit";
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'habit'), 0)) WHERE name = '_strata_new_habit';
INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_habit', seq FROM sqlite_sequence WHERE name = 'habit' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_habit');
DROP TABLE "habit";
ALTER TABLE "_strata_new_habit" RENAME TO "habit";
PRAGMA foreign_key_check("habit");

ALTER TABLE "habit" DROP COLUMN "priority";
