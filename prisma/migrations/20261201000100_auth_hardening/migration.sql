-- Login throttling, staff two-factor authentication and session hygiene (issue 7, items 7, 8, 9, 12).

-- Failed logins are counted in login_attempts (per e-mail, per address, per e-mail and address)
-- with a growing delay, instead of a per-user counter and a hard lock.
ALTER TABLE "users" DROP COLUMN "failed_logins";
ALTER TABLE "users" DROP COLUMN "locked_until";

-- TOTP: the confirmed secret, the one being enrolled, and the last time step accepted (no replay).
ALTER TABLE "users" ADD COLUMN "totp_secret" TEXT;
ALTER TABLE "users" ADD COLUMN "totp_pending_secret" TEXT;
ALTER TABLE "users" ADD COLUMN "totp_enabled_at" TIMESTAMP(3);
ALTER TABLE "users" ADD COLUMN "totp_last_step" INTEGER;

-- A session of a user whose role requires two-factor authentication and who has not enrolled yet
-- reaches only the enrolment endpoints.
ALTER TABLE "sessions" ADD COLUMN "enrolment_only" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");

CREATE TABLE "login_attempts" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "blocked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "login_attempts_updated_at_idx" ON "login_attempts"("updated_at");

-- The second step of a login: issued once the password is right, answered with a code.
CREATE TABLE "login_challenges" (
    "token_hash" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "login_challenges_pkey" PRIMARY KEY ("token_hash")
);
CREATE INDEX "login_challenges_user_id_idx" ON "login_challenges"("user_id");
CREATE INDEX "login_challenges_expires_at_idx" ON "login_challenges"("expires_at");
ALTER TABLE "login_challenges" ADD CONSTRAINT "login_challenges_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One-time recovery codes, stored as hashes.
CREATE TABLE "recovery_codes" (
    "user_id" TEXT NOT NULL,
    "code_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "used_at" TIMESTAMP(3),

    CONSTRAINT "recovery_codes_pkey" PRIMARY KEY ("user_id", "code_hash")
);
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
