//! Files the product keeps (customers' media now, avatars later) behind a small interface, so a
//! deployment with several instances can swap the local directory for S3-compatible storage.
//! Keys are the SHA-256 of the content: the same file is stored once, and a key names exactly
//! one content, so nothing can be overwritten with something else.

use std::path::PathBuf;

use sha2::{Digest, Sha256};

#[async_trait::async_trait]
pub trait BlobStore: Send + Sync + 'static {
    /// Stores the bytes and returns their key.
    async fn put(&self, bytes: &[u8]) -> std::io::Result<String>;
    /// The bytes under a key; `None` for an unknown or malformed key.
    async fn get(&self, key: &str) -> std::io::Result<Option<Vec<u8>>>;
    /// Removes a blob; removing one that is not there is not an error.
    async fn delete(&self, key: &str) -> std::io::Result<()>;
    /// Whether files can be stored now (for `GET /readyz`).
    async fn ready(&self) -> std::io::Result<()>;
}

/// Blobs in a directory (`$DATA_DIR/blobs/ab/abcdef…`), written to a temporary file and renamed
/// into place so a crash never leaves half a file under a real key.
pub struct LocalBlobs {
    root: PathBuf,
}

impl LocalBlobs {
    pub fn new(root: PathBuf) -> Self {
        Self { root }
    }

    fn path(&self, key: &str) -> Option<PathBuf> {
        let valid = key.len() == 64
            && key
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase());
        valid.then(|| self.root.join(&key[..2]).join(key))
    }
}

#[async_trait::async_trait]
impl BlobStore for LocalBlobs {
    async fn ready(&self) -> std::io::Result<()> {
        // Writable, not only present: a probe file is written and removed.
        tokio::fs::create_dir_all(&self.root).await?;
        let probe = self
            .root
            .join(format!(".ready-{}", crate::auth::session::new_token()));
        tokio::fs::write(&probe, b"ok").await?;
        tokio::fs::remove_file(&probe).await
    }

    async fn put(&self, bytes: &[u8]) -> std::io::Result<String> {
        let key = hex::encode(Sha256::digest(bytes));
        let Some(path) = self.path(&key) else {
            return Err(std::io::Error::other("bad key"));
        };
        if tokio::fs::try_exists(&path).await.unwrap_or(false) {
            return Ok(key);
        }
        if let Some(dir) = path.parent() {
            tokio::fs::create_dir_all(dir).await?;
        }
        let tmp = path.with_extension(format!("tmp-{}", crate::auth::session::new_token()));
        tokio::fs::write(&tmp, bytes).await?;
        tokio::fs::rename(&tmp, &path).await?;
        Ok(key)
    }

    async fn get(&self, key: &str) -> std::io::Result<Option<Vec<u8>>> {
        let Some(path) = self.path(key) else {
            return Ok(None);
        };
        match tokio::fs::read(path).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn delete(&self, key: &str) -> std::io::Result<()> {
        let Some(path) = self.path(key) else {
            return Ok(());
        };
        match tokio::fs::remove_file(path).await {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn content_addressed_round_trip_and_hostile_keys() {
        let dir = tempfile::tempdir().unwrap();
        let blobs = LocalBlobs::new(dir.path().to_path_buf());
        let key = blobs.put(b"hello").await.unwrap();
        assert_eq!(
            key,
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        );
        assert_eq!(blobs.put(b"hello").await.unwrap(), key, "stored once");
        assert_eq!(
            blobs.get(&key).await.unwrap().as_deref(),
            Some(&b"hello"[..])
        );
        for bad in [
            "../../etc/passwd",
            "",
            "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824",
            &"a".repeat(63),
        ] {
            assert!(blobs.get(bad).await.unwrap().is_none(), "{bad}");
        }
        assert!(blobs.get(&"0".repeat(64)).await.unwrap().is_none());
        blobs.delete(&key).await.unwrap();
        assert!(blobs.get(&key).await.unwrap().is_none());
        blobs.delete(&key).await.unwrap();
        blobs.delete("../../etc/passwd").await.unwrap();
    }
}
