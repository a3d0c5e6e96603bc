-- Jobs written in the same transaction as the change they act on. The web tier pushes each to Redis right
-- after the commit and deletes its row; a row left behind (Redis down, process killed between commit and
-- push) is pushed by the worker's outbox relay, so a committed change never loses its job.
CREATE TABLE job_outbox (
  id         bigserial PRIMARY KEY,
  queue      text        NOT NULL,
  payload    text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX job_outbox_created_at ON job_outbox (created_at);
