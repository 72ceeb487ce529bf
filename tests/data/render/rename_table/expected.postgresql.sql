ALTER TABLE "habit" RENAME TO "habit entry";

ALTER TABLE "user" RENAME TO "account";
