-- The session secret now lives in the data folder's secrets/ (0600), not in the database.
DELETE FROM "Setting" WHERE "key" = 'session-secret';
