ALTER TABLE "habit" DROP COLUMN "legacy";

DROP INDEX "ix_habit_colour";

ALTER TABLE "habit" DROP COLUMN "colour";

ALTER TABLE "habit" DROP CONSTRAINT "ck_habit_priority";

ALTER TABLE "habit" DROP COLUMN "priority";
