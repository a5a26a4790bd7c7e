-- KYC reviews (prisma/schema/kyc.prisma). Generated with prisma migrate diff from the schema without
-- kyc.prisma to the schema with it. Ids of clients, cases and users are plain columns (no foreign keys
-- into the engine's tables, which another schema file owns).
-- CreateTable
CREATE TABLE "kyc_profiles" (
    "client_id" TEXT NOT NULL,
    "date_of_birth" DATE,
    "nationality" TEXT,
    "residence" TEXT,
    "occupation" TEXT,
    "industry" TEXT,
    "declared_income" INTEGER,
    "expected_deposits" INTEGER,
    "products" TEXT[],
    "max_leverage" INTEGER,
    "channel" TEXT,
    "pep" BOOLEAN NOT NULL DEFAULT false,
    "edd_flags" TEXT[],
    "beneficial_owners" JSONB NOT NULL DEFAULT '[]',
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" TEXT,

    CONSTRAINT "kyc_profiles_pkey" PRIMARY KEY ("client_id")
);

-- CreateTable
CREATE TABLE "kyc_documents" (
    "id" UUID NOT NULL,
    "case_id" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "doc_type" TEXT,
    "file_name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "number" TEXT,
    "country" TEXT,
    "issued_at" DATE,
    "expires_at" DATE,
    "mrz" TEXT,
    "uploaded_by_id" TEXT NOT NULL,
    "uploaded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kyc_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kyc_check_results" (
    "id" BIGSERIAL NOT NULL,
    "case_id" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "check" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "blocking" BOOLEAN NOT NULL DEFAULT false,
    "detail" JSONB NOT NULL,
    "checked_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kyc_check_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_assessments" (
    "id" BIGSERIAL NOT NULL,
    "case_id" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "score" INTEGER NOT NULL,
    "computed_band" TEXT NOT NULL,
    "band" TEXT NOT NULL,
    "factors" JSONB NOT NULL,
    "floors" JSONB NOT NULL,
    "override_band" TEXT,
    "override_reason" TEXT,
    "override_by_id" TEXT,
    "override_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "risk_assessments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "screening_hits" (
    "id" UUID NOT NULL,
    "case_id" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "subject_role" TEXT NOT NULL,
    "list" TEXT NOT NULL,
    "entry_id" TEXT NOT NULL,
    "entry_name" TEXT NOT NULL,
    "matched_name" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "explanation" JSONB NOT NULL,
    "decision" TEXT,
    "reason" TEXT,
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "screening_hits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "country_risk" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "note" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "country_risk_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" TEXT NOT NULL,
    "case_id" TEXT,
    "client_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'email',
    "recipient" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "kyc_documents_case_id_idx" ON "kyc_documents"("case_id");

-- CreateIndex
CREATE INDEX "kyc_documents_client_id_idx" ON "kyc_documents"("client_id");

-- CreateIndex
CREATE INDEX "kyc_documents_number_idx" ON "kyc_documents"("number");

-- CreateIndex
CREATE UNIQUE INDEX "kyc_check_results_case_id_round_check_key" ON "kyc_check_results"("case_id", "round", "check");

-- CreateIndex
CREATE INDEX "risk_assessments_client_id_idx" ON "risk_assessments"("client_id");

-- CreateIndex
CREATE UNIQUE INDEX "risk_assessments_case_id_round_version_key" ON "risk_assessments"("case_id", "round", "version");

-- CreateIndex
CREATE UNIQUE INDEX "screening_hits_case_id_round_subject_list_entry_id_key" ON "screening_hits"("case_id", "round", "subject", "list", "entry_id");

-- CreateIndex
CREATE INDEX "outbox_messages_case_id_idx" ON "outbox_messages"("case_id");

-- CreateIndex
CREATE INDEX "outbox_messages_sent_at_idx" ON "outbox_messages"("sent_at");

