CREATE TABLE "department" (
    "id" INTEGER NOT NULL CONSTRAINT department_pk PRIMARY KEY AUTOINCREMENT,
    "manager_id" INTEGER,
    FOREIGN KEY ("manager_id") REFERENCES "employee" ("id")
);

CREATE TABLE "employee" (
    "id" INTEGER NOT NULL,
    "department_id" INTEGER NOT NULL,
    CONSTRAINT employee_pk PRIMARY KEY ("id"),
    FOREIGN KEY ("department_id") REFERENCES "department" ("id")
);
