-- What each person wants to pop up as a toast, by notification type (the console shows the rest in the bell
-- only). Null: the defaults.
ALTER TABLE "users" ADD COLUMN "notification_preferences" JSONB;
