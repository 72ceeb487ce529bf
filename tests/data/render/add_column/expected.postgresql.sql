ALTER TABLE "habit" ADD COLUMN "note" text;

ALTER TABLE "habit" ADD COLUMN "archived" boolean NOT NULL DEFAULT false;

ALTER TABLE "habit" ADD COLUMN "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP;

ALTER TABLE "habit" ADD COLUMN "code" varchar(20) DEFAULT lower('NEW');
