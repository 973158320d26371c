//! `gomap-bench worker`: one build's side of `gomap-bench ab`.
//!
//! It does nothing on its own: it reads [`Request`]s from stdin and answers each on stdout,
//! building a group when told, taking one sample when told. While the other build samples,
//! it blocks on its stdin and costs the machine nothing.

use super::protocol::{Reply, Request, PROTOCOL_VERSION};
use crate::harness::measuring::facts;
use crate::harness::measuring::groups::{with_group, Group};
use std::io::{BufRead, Write};

/// Serves requests until `quit` or the end of stdin.
pub fn serve(input: impl BufRead, mut output: impl Write) -> Result<(), String> {
    let mut lines = input.lines();
    let mut send = |r: &Reply, out: &mut dyn Write| -> Result<(), String> {
        let mut s = serde_json::to_string(r).map_err(|e| e.to_string())?;
        s.push('\n');
        out.write_all(s.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| format!("worker: cannot answer: {e}"))
    };
    while let Some(line) = lines.next() {
        let line = line.map_err(|e| format!("worker: cannot read: {e}"))?;
        let req: Request = match serde_json::from_str(&line) {
            Ok(r) => r,
            Err(e) => {
                send(
                    &Reply::Error {
                        message: format!("bad request: {e}"),
                    },
                    &mut output,
                )?;
                continue;
            }
        };
        match req {
            Request::Hello { .. } => {
                let run = facts::collect(serde_json::Value::Null);
                send(
                    &Reply::Ready {
                        version: PROTOCOL_VERSION,
                        git_revision: run.git_revision,
                        git_dirty: run.git_dirty,
                    },
                    &mut output,
                )?;
            }
            Request::Build { spec, plan } => {
                let served = with_group(&spec, &plan, |g| {
                    serve_group(g, &mut lines, &mut output, &mut send)
                });
                match served {
                    Ok(r) => r?,
                    Err(message) => send(&Reply::Error { message }, &mut output)?,
                }
            }
            Request::Quit => return Ok(()),
            other => send(
                &Reply::Error {
                    message: format!("{other:?} outside a group"),
                },
                &mut output,
            )?,
        }
    }
    Ok(())
}

type Send<'s> = dyn FnMut(&Reply, &mut dyn Write) -> Result<(), String> + 's;

/// The requests of one built group, until its `finish`.
fn serve_group(
    mut g: Group<'_>,
    lines: &mut impl Iterator<Item = std::io::Result<String>>,
    output: &mut dyn Write,
    send: &mut Send<'_>,
) -> Result<(), String> {
    let members = g.slots.iter().map(|s| s.id.to_string()).collect();
    send(
        &Reply::Built {
            members,
            round_cost_secs: g.round_cost_secs(),
        },
        output,
    )?;
    for line in lines {
        let line = line.map_err(|e| format!("worker: cannot read: {e}"))?;
        match serde_json::from_str::<Request>(&line) {
            Ok(Request::Sample { member }) if member < g.slots.len() => {
                let value = g.sample_one(member);
                send(&Reply::Sampled { value }, output)?;
            }
            Ok(Request::EndRound) => {
                g.end_round();
                send(&Reply::Ok, output)?;
            }
            Ok(Request::Rebuild) => {
                g.rebuild();
                send(&Reply::Ok, output)?;
            }
            Ok(Request::Finish) => {
                // A row's ratio to its group's reference, over one block's few rounds, is
                // nothing `ab` judges (it pairs HEAD with BASE), and its interval may be
                // infinite there, which JSON cannot carry.
                let mut rows = g.finish();
                for r in &mut rows {
                    r.extra.ratio = None;
                }
                return send(&Reply::Rows { rows }, output);
            }
            Ok(other) => send(
                &Reply::Error {
                    message: format!("{other:?} inside a group"),
                },
                output,
            )?,
            Err(e) => send(
                &Reply::Error {
                    message: format!("bad request: {e}"),
                },
                output,
            )?,
        }
    }
    Err("worker: stdin closed inside a group".into())
}
