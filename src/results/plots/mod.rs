//! Plots (placeholder while the real ones are written).
