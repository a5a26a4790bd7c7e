-- The reverse-screening index keys names, not clients: the blocking keys of a client name depend on the
-- name and the client type only, and a book repeats names (first name and surname pairs) many times. A
-- delta re-screen finds the distinct names a list entry may match, bounds each by its name score, and reads
-- only the clients of the names that may reach the threshold (screening_book_state by name_hash).
-- The index is derived data: it is emptied here and rebuilt by the next refresh (every client is stale).
DROP TABLE "screening_book_keys";
TRUNCATE "screening_book_state";
CREATE TABLE "screening_book_names" (
  "name_hash" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "type" TEXT NOT NULL,
  CONSTRAINT "screening_book_names_pkey" PRIMARY KEY ("name_hash")
);
CREATE TABLE "screening_name_keys" (
  "key" TEXT NOT NULL,
  "name_hash" TEXT NOT NULL,
  CONSTRAINT "screening_name_keys_pkey" PRIMARY KEY ("key", "name_hash")
);
CREATE INDEX "screening_book_state_name_hash_idx" ON "screening_book_state"("name_hash");
