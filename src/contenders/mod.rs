//! Every map under test behind one small trait per question, plus the registries
//! (name → type). The single-thread operations use [`single`].

pub mod single;
