ALTER TABLE "user" ALTER COLUMN "display_name" TYPE text USING "display_name"::text;

ALTER TABLE "user" ALTER COLUMN "display_name" SET NOT NULL;

ALTER TABLE "user" ALTER COLUMN "karma" DROP DEFAULT;
ALTER TABLE "user" ALTER COLUMN "karma" TYPE bigint USING "karma"::bigint;
ALTER TABLE "user" ALTER COLUMN "karma" SET DEFAULT 0;

ALTER TABLE "user" ALTER COLUMN "karma" SET DEFAULT 10;

ALTER TABLE "user" ALTER COLUMN "active" DROP DEFAULT;

ALTER TABLE "user" RENAME COLUMN "display_name" TO "full name";

ALTER TABLE "user" ALTER COLUMN "code" TYPE varchar(40) USING "code"::varchar(40);
ALTER TABLE "user" RENAME COLUMN "code" TO "handle";
