//! The `gomap-bench` command line: parses, calls the library, prints.
fn main() {
    println!("gomap-bench: under construction");
}
