//! Results: the versioned JSON schema every measuring command writes, and (later) the
//! baseline comparison and the plots, which are pure functions of these files.

pub mod schema;
