CREATE TABLE "order" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "user id" INTEGER NOT NULL,
    "status" VARCHAR(20) NOT NULL DEFAULT 'new',
    "Größe" NUMERIC(10,2) DEFAULT 0,
    "say ""hi""" TEXT,
    "token" UUID,
    "placed_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" JSON,
    "data" BLOB,
    "gift" BOOLEAN NOT NULL DEFAULT false,
    "rating" FLOAT,
    "ratio" DOUBLE,
    "due" DATE,
    "slot" TIME,
    "updated" DATETIME,
    "count" SMALLINT DEFAULT -1,
    CONSTRAINT uq_order_token UNIQUE ("token"),
    CONSTRAINT fk_order_user FOREIGN KEY ("user id") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT ck_order_size CHECK ("Größe" >= 0),
    CHECK (rating IS NULL OR rating BETWEEN 0 AND 5)
);
CREATE INDEX "ix_order_user_id" ON "order" ("user id");
CREATE UNIQUE INDEX "uq_order_open_per_user" ON "order" ("user id", "status") WHERE status = 'open';

CREATE TABLE "order line" (
    "order_id" BIGINT NOT NULL,
    "line" SMALLINT NOT NULL,
    "sku" VARCHAR(40) NOT NULL,
    "parent_line" SMALLINT,
    PRIMARY KEY ("order_id", "line"),
    UNIQUE ("order_id", "sku"),
    CONSTRAINT fk_order_line_order FOREIGN KEY ("order_id") REFERENCES "order" ("id") ON DELETE CASCADE,
    CONSTRAINT fk_order_line_parent FOREIGN KEY ("order_id", "parent_line") REFERENCES "order line" ("order_id", "line") ON UPDATE CASCADE
);
