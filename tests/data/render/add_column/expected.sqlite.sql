ALTER TABLE "habit" ADD COLUMN "note" TEXT;

ALTER TABLE "habit" ADD COLUMN "archived" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "_strata_new_habit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "note" TEXT,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_habit_user_id FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE CASCADE
);
INSERT INTO "_strata_new_habit" ("id", "user_id", "title", "note", "archived") SELECT "id", "user_id", "title", "note", "archived" FROM "habit";
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'habit'), 0)) WHERE name = '_strata_new_habit';
INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_habit', seq FROM sqlite_sequence WHERE name = 'habit' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_habit');
DROP TABLE "habit";
ALTER TABLE "_strata_new_habit" RENAME TO "habit";
CREATE INDEX "ix_habit_user_id" ON "habit" ("user_id");
PRAGMA foreign_key_check("habit");

CREATE TABLE "_strata_new_habit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "note" TEXT,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "code" VARCHAR(20) DEFAULT (lower('NEW')),
    CONSTRAINT fk_habit_user_id FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE CASCADE
);
INSERT INTO "_strata_new_habit" ("id", "user_id", "title", "note", "archived", "created_at") SELECT "id", "user_id", "title", "note", "archived", "created_at" FROM "habit";
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'habit'), 0)) WHERE name = '_strata_new_habit';
INSERT INTO sqlite_sequence (name, seq) SELECT '_strata_new_habit', seq FROM sqlite_sequence WHERE name = 'habit' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_strata_new_habit');
DROP TABLE "habit";
ALTER TABLE "_strata_new_habit" RENAME TO "habit";
CREATE INDEX "ix_habit_user_id" ON "habit" ("user_id");
PRAGMA foreign_key_check("habit");
