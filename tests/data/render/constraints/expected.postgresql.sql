ALTER TABLE "habit" ADD CONSTRAINT "uq_habit_user_title" UNIQUE ("user_id", "title");

ALTER TABLE "habit" ADD CONSTRAINT "fk_habit_user_id" FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE CASCADE;

ALTER TABLE "habit" ADD CONSTRAINT "ck_habit_priority" CHECK (priority BETWEEN 1 AND 5);

ALTER TABLE "habit" DROP CONSTRAINT "uq_habit_user_title";

ALTER TABLE "habit" DROP CONSTRAINT "ck_habit_priority";

ALTER TABLE "habit" DROP CONSTRAINT "fk_habit_user_id";
