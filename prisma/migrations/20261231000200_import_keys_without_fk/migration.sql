-- import_keys is a job's own bookkeeping (the e-mail and phone keys its lines have taken), written and read
-- only by the job's batches, which hold the job's row. Its foreign key to import_jobs checked the job
-- for every key written: about half the cost of writing them (two keys a line), for no row it could refuse.
ALTER TABLE "import_keys" DROP CONSTRAINT "import_keys_job_id_fkey";
