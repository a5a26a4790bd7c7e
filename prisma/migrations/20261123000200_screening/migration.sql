-- Sanctions lists (activities/screening). Generated with prisma migrate diff --from-empty against
-- base.prisma + screening.prisma, then checked by hand: only sanction_* tables, no reference to CRM tables;
-- the public schema is created by the init migration.

-- CreateTable
CREATE TABLE "sanction_list_versions" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "files" JSONB NOT NULL,
    "published_at" TIMESTAMP(3),
    "imported_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "entry_count" INTEGER NOT NULL,

    CONSTRAINT "sanction_list_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sanction_entries" (
    "id" SERIAL NOT NULL,
    "version_id" UUID NOT NULL,
    "entry_id" TEXT NOT NULL,
    "schema" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" JSONB NOT NULL,
    "birth_dates" JSONB NOT NULL,
    "birth_places" JSONB NOT NULL,
    "nationalities" JSONB NOT NULL,
    "identifiers" JSONB NOT NULL,
    "addresses" JSONB NOT NULL,
    "programs" JSONB NOT NULL,
    "gender" TEXT,
    "title" TEXT,
    "remarks" TEXT,
    "listed_on" TEXT,

    CONSTRAINT "sanction_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sanction_list_versions_source_imported_at_idx" ON "sanction_list_versions"("source", "imported_at");

-- CreateIndex
CREATE UNIQUE INDEX "sanction_list_versions_source_checksum_key" ON "sanction_list_versions"("source", "checksum");

-- CreateIndex
CREATE UNIQUE INDEX "sanction_entries_version_id_entry_id_key" ON "sanction_entries"("version_id", "entry_id");

-- AddForeignKey
ALTER TABLE "sanction_entries" ADD CONSTRAINT "sanction_entries_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "sanction_list_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

