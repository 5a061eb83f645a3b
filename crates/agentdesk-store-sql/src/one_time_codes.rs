//! One-time codes: challenges, resends, the send budget, failures and consumption.

/// Inside a transaction: whether one more code may go from account `$user` to `$destination`
/// under `$limits` (`&SendLimits`) and, when it may, counts it — one atomic step. `$send_lock` is
/// the backend's statement that serializes sends per key (PostgreSQL: an advisory transaction
/// lock; SQLite: a no-op, as `BEGIN IMMEDIATE` already serializes writers). The account's lock is
/// always taken before the destination's, so two sends never wait on each other in a cycle.
#[macro_export]
macro_rules! try_count_send {
    (
        $db:ty, $tx:expr, $send_lock:literal, $user:expr, $destination:expr, $verified:expr,
        $limits:expr, $now:expr
    ) => {{
        let user: i64 = $user;
        let destination: &str = $destination;
        let verified: bool = $verified;
        let limits: &$crate::SendLimits = $limits;
        for key in [
            format!("otp-account:{user}"),
            format!("otp-destination:{destination}"),
        ] {
            ::sqlx::query::<$db>($send_lock)
                .bind(key)
                .execute(&mut *$tx)
                .await
                .map_err($crate::store_error)?;
        }
        let (by_account, by_destination_verified, by_destination): (i64, i64, i64) =
            ::sqlx::query_as::<$db, (i64, i64, i64)>(concat!(
                "SELECT (SELECT COUNT(*) FROM otp_sends WHERE user_id = $1 AND sent_at > $3), ",
                "(SELECT COUNT(*) FROM otp_sends WHERE destination = $2 AND verified = $4 ",
                "AND sent_at > $3), ",
                "(SELECT COUNT(*) FROM otp_sends WHERE destination = $2 AND sent_at > $3)"
            ))
            .bind(user)
            .bind(destination)
            .bind(limits.since.0)
            .bind(true)
            .fetch_one(&mut *$tx)
            .await
            .map_err($crate::store_error)?;
        let allowed = by_account < limits.per_account
            && if verified {
                by_destination_verified < limits.per_verified_destination
            } else {
                by_destination < limits.per_unverified_destination
            };
        if allowed {
            ::sqlx::query::<$db>(concat!(
                "INSERT INTO otp_sends (user_id, destination, verified, sent_at) VALUES ($1, ",
                "$2, $3, $4)"
            ))
            .bind(user)
            .bind(destination)
            .bind(verified)
            .bind($now)
            .execute(&mut *$tx)
            .await
            .map_err($crate::store_error)?;
        }
        allowed
    }};
}

/// Implements `agentdesk_core::store::OneTimeCodeStore` for a struct with a `pool:
/// sqlx::Pool<$db>` field; `$begin` starts a write transaction (`BEGIN IMMEDIATE` on SQLite, so a
/// transaction that reads before it writes cannot fail with SQLITE_BUSY_SNAPSHOT when another
/// writer commits in between); `$send_lock` takes one text key and holds a lock on it until the
/// transaction ends (see `try_count_send!`).
#[macro_export]
macro_rules! impl_one_time_code_store {
    ($store:ty, $db:ty, $begin:literal, $send_lock:literal) => {
        #[::async_trait::async_trait]
        impl ::agentdesk_core::store::OneTimeCodeStore for $store {
            async fn create_challenge(
                &self,
                c: &$crate::NewChallenge,
                limits: &$crate::SendLimits,
            ) -> $crate::Result<bool> {
                let mut tx = self
                    .pool
                    .begin_with($begin)
                    .await
                    .map_err($crate::store_error)?;
                // An authenticator's code is not sent: nothing to limit or count.
                if c.channel != ::agentdesk_core::store::CodeChannel::Totp
                    && !$crate::try_count_send!(
                        $db,
                        tx,
                        $send_lock,
                        c.user_id.0,
                        &c.destination,
                        c.verified,
                        limits,
                        c.created_at.0
                    )
                {
                    return Ok(false);
                }
                ::sqlx::query::<$db>(concat!(
                    "UPDATE otp_challenges SET consumed_at = $1 ",
                    "WHERE user_id = $2 AND purpose = $3 AND consumed_at IS NULL"
                ))
                .bind(c.created_at.0)
                .bind(c.user_id.0)
                .bind(c.purpose.as_str())
                .execute(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                ::sqlx::query::<$db>(concat!(
                    "INSERT INTO otp_challenges (id, user_id, purpose, channel, destination, ",
                    "destination_verified, payload, code_hash, created_at, last_sent_at, ",
                    "expires_at) ",
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)"
                ))
                .bind(&c.id)
                .bind(c.user_id.0)
                .bind(c.purpose.as_str())
                .bind(c.channel.as_str())
                .bind(&c.destination)
                .bind(c.verified)
                .bind(&c.payload)
                .bind(&c.code_hash)
                .bind(c.created_at.0)
                .bind(c.expires_at.0)
                .execute(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                tx.commit().await.map_err($crate::store_error)?;
                Ok(true)
            }

            async fn challenge(&self, id: &str) -> $crate::Result<Option<$crate::Challenge>> {
                let row = ::sqlx::query_as::<$db, $crate::ChallengeRow>(concat!(
                    "SELECT id, user_id, purpose, channel, destination, destination_verified, ",
                    "payload, code_hash, attempts, sends, ",
                    "created_at, last_sent_at, expires_at, consumed_at FROM otp_challenges WHERE ",
                    "id = $1"
                ))
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                row.map($crate::ChallengeRow::into_challenge).transpose()
            }

            async fn resend_challenge(
                &self,
                id: &str,
                code_hash: &str,
                now: $crate::Timestamp,
                expires_at: $crate::Timestamp,
                limits: &$crate::SendLimits,
            ) -> $crate::Result<$crate::Resent> {
                let mut tx = self
                    .pool
                    .begin_with($begin)
                    .await
                    .map_err($crate::store_error)?;
                let row: Option<(i64, String, bool)> = ::sqlx::query_as(concat!(
                    "SELECT user_id, destination, destination_verified FROM otp_challenges ",
                    "WHERE id = $1 AND consumed_at IS NULL"
                ))
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                let Some((user_id, destination, verified)) = row else {
                    return Ok($crate::Resent::NotLive);
                };
                if !$crate::try_count_send!(
                    $db,
                    tx,
                    $send_lock,
                    user_id,
                    &destination,
                    verified,
                    limits,
                    now.0
                ) {
                    return Ok($crate::Resent::Limited);
                }
                let updated = ::sqlx::query::<$db>(concat!(
                    "UPDATE otp_challenges SET code_hash = $1, attempts = 0, sends = sends + 1, ",
                    "last_sent_at = $2, expires_at = $3 WHERE id = $4 AND consumed_at IS NULL"
                ))
                .bind(code_hash)
                .bind(now.0)
                .bind(expires_at.0)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                if updated.rows_affected() != 1 {
                    // Used up between the read and the update (PostgreSQL reads committed data):
                    // dropping the transaction takes the counted send back.
                    return Ok($crate::Resent::NotLive);
                }
                tx.commit().await.map_err($crate::store_error)?;
                Ok($crate::Resent::Sent)
            }

            async fn otp_failed(
                &self,
                challenge: &str,
                user: $crate::UserId,
                now: $crate::Timestamp,
            ) -> $crate::Result<i64> {
                let mut tx = self
                    .pool
                    .begin_with($begin)
                    .await
                    .map_err($crate::store_error)?;
                ::sqlx::query::<$db>(
                    "UPDATE otp_challenges SET attempts = attempts + 1 WHERE id = $1",
                )
                .bind(challenge)
                .execute(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                let (failures,): (i64,) = ::sqlx::query_as(concat!(
                    "INSERT INTO otp_failures (user_id, failures, last_failure_at) VALUES ($1, 1, ",
                    "$2) ",
                    "ON CONFLICT (user_id) DO UPDATE SET failures = otp_failures.failures + 1, ",
                    "last_failure_at = $2 ",
                    "RETURNING failures"
                ))
                .bind(user.0)
                .bind(now.0)
                .fetch_one(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                tx.commit().await.map_err($crate::store_error)?;
                Ok(failures)
            }

            async fn otp_failures(
                &self,
                user: $crate::UserId,
            ) -> $crate::Result<Option<(i64, $crate::Timestamp)>> {
                let row: Option<(i64, i64)> = ::sqlx::query_as(
                    "SELECT failures, last_failure_at FROM otp_failures WHERE user_id = $1",
                )
                .bind(user.0)
                .fetch_optional(&self.pool)
                .await
                .map_err($crate::store_error)?;
                Ok(row.map(|(f, at)| (f, $crate::Timestamp(at))))
            }

            async fn consume_challenge(
                &self,
                id: &str,
                user: $crate::UserId,
                max_attempts: i64,
                now: $crate::Timestamp,
            ) -> $crate::Result<bool> {
                let mut tx = self
                    .pool
                    .begin_with($begin)
                    .await
                    .map_err($crate::store_error)?;
                let done = ::sqlx::query::<$db>(concat!(
                    "UPDATE otp_challenges SET consumed_at = $1 WHERE id = $2 AND user_id = $3 ",
                    "AND consumed_at IS NULL AND expires_at > $1 AND attempts < $4"
                ))
                .bind(now.0)
                .bind(id)
                .bind(user.0)
                .bind(max_attempts)
                .execute(&mut *tx)
                .await
                .map_err($crate::store_error)?;
                let won = done.rows_affected() == 1;
                if won {
                    ::sqlx::query::<$db>("DELETE FROM otp_failures WHERE user_id = $1")
                        .bind(user.0)
                        .execute(&mut *tx)
                        .await
                        .map_err($crate::store_error)?;
                }
                tx.commit().await.map_err($crate::store_error)?;
                Ok(won)
            }
        }
    };
}
