CREATE INDEX "ix_habit_user_id" ON "habit" ("user_id");

CREATE UNIQUE INDEX "uq_habit_user_order" ON "habit" ("user_id", "order");

CREATE INDEX "ix habit ""active""" ON "habit" ("title") WHERE archived = false;

DROP INDEX "ix_habit_old";

DROP INDEX "ix_habit_user_id";
