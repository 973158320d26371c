//! Answers checked rather than timed: linearizability on hot keys, Go's two-writers program,
//! the ledger's cost (`check`), and Go's racy programs against gomap-failfast (`detect`).

pub mod check;
pub mod detect;
pub mod linearizability;
