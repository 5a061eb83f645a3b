//! The `agentdesk` command: `serve [--demo]` and `user add`. Configuration comes from defaults,
//! `--config FILE` and `AGENTDESK_*` variables.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use agentdesk::auth::password;
use agentdesk::state::AppState;
use agentdesk::{Application, Config, open_store, startup, telemetry};
use agentdesk_core::domain::{Email, NewUser, PersonName, Role};
use agentdesk_core::{Clock, StoreError, SystemClock};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "agentdesk", version, about = "WhatsApp Business inbox for support teams", long_about = None)]
struct Cli {
    /// TOML configuration file; values in AGENTDESK_* environment variables override it.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (AGENTDESK_LISTEN, default 127.0.0.1:8080).
    Serve {
        /// On an empty database, seed the demo company "Demo Co" with an admin and three agents.
        #[arg(long)]
        demo: bool,
    },
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a user. The password is read from AGENTDESK_PASSWORD, or from standard input when
    /// that is unset. The company is created when it does not exist.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        first_name: String,
        #[arg(long)]
        last_name: String,
        /// admin or agent
        #[arg(long, value_parser = ["admin", "agent"])]
        role: String,
        /// Company name; defaults to the only existing company, or "My company" on an empty database.
        #[arg(long)]
        company: Option<String>,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let (mut config, unknown) = match Config::load(cli.config.as_deref()) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    telemetry::init(config.log_format);
    for key in unknown {
        tracing::warn!(key, "unknown configuration key ignored");
    }
    let result = match cli.command {
        Command::Serve { demo } => {
            config.demo |= demo;
            serve(config).await
        }
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    first_name,
                    last_name,
                    role,
                    company,
                },
        } => add_user(config, &email, &first_name, &last_name, &role, company).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> Result<(), String> {
    let app = Application::build(config)
        .await
        .map_err(|e| e.to_string())?;
    app.run_until_stopped(startup::shutdown_signal())
        .await
        .map_err(|e| e.to_string())
}

fn read_password() -> Result<String, String> {
    if let Ok(p) = std::env::var("AGENTDESK_PASSWORD") {
        return Ok(p);
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Password: ");
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the password: {e}"))?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

async fn add_user(
    config: Config,
    email: &str,
    first_name: &str,
    last_name: &str,
    role: &str,
    company: Option<String>,
) -> Result<(), String> {
    let invalid = |field: &str, e: agentdesk_core::domain::Invalid| format!("--{field}: {e}");
    let email = Email::parse(email).map_err(|e| invalid("email", e))?;
    let first_name = PersonName::parse(first_name).map_err(|e| invalid("first-name", e))?;
    let last_name = PersonName::parse(last_name).map_err(|e| invalid("last-name", e))?;
    let role = Role::parse(role).map_err(|e| invalid("role", e))?;
    let password = read_password()?;
    password::check_new(
        "password",
        &password,
        &[
            email.as_str(),
            email.local_part(),
            first_name.as_str(),
            last_name.as_str(),
        ],
    )
    .map_err(|e| format!("password refused: {}", weak_reason(&e)))?;

    if config.database_url.is_none() {
        std::fs::create_dir_all(&config.data_dir)
            .map_err(|e| format!("cannot create {}: {e}", config.data_dir.display()))?;
    }
    let store = open_store(&config.database_url())
        .await
        .map_err(|e| e.to_string())?;
    let company_name = match company {
        Some(c) if !c.trim().is_empty() => c.trim().to_owned(),
        _ => {
            let companies = store.companies().await.map_err(|e| e.to_string())?;
            match companies.as_slice() {
                [] => "My company".to_owned(),
                [only] => only.name.clone(),
                _ => return Err("several companies exist: name one with --company".into()),
            }
        }
    };
    let state = AppState::new(config, store, std::sync::Arc::new(SystemClock));
    let password_hash = state
        .passwords()
        .hash(&password)
        .await
        .map_err(|e| e.to_string())?;
    let new = NewUser {
        company_name: company_name.clone(),
        email,
        first_name,
        last_name,
        role,
        locale: None,
        password_hash: password_hash.into(),
    };
    match state.store().create_user(&new, SystemClock.now()).await {
        Ok(user) => {
            println!(
                "created {} {} ({}) in {company_name:?} with id {}",
                role.as_str(),
                user.email,
                user.full_name(),
                user.id.0
            );
            Ok(())
        }
        Err(StoreError::Conflict(agentdesk_core::store::Conflict::Email)) => Err(format!(
            "a user with the email {} already exists",
            new.email
        )),
        Err(e) => Err(e.to_string()),
    }
}

fn weak_reason(e: &password::WeakPassword) -> String {
    agentdesk::i18n::Tr::new(Default::default()).t(e.weakness.problem().key)
}
