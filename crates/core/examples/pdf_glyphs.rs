//! Prints the glyphs of a PDF with their positions, one per line, for working out why
//! a word or a line comes out as it does: `cargo run -p referat-core --example
//! pdf_glyphs -- minutes.pdf [page]`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: pdf_glyphs FILE.pdf [PAGE]");
        return ExitCode::FAILURE;
    };
    let only: Option<usize> = args.next().and_then(|p| p.parse().ok());
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cannot read `{path}`: {e}");
            return ExitCode::FAILURE;
        }
    };
    match referat_core::pdf::page_glyphs(&bytes) {
        Ok(pages) => {
            for (i, page) in pages.iter().enumerate() {
                if only.is_some_and(|p| p != i + 1) {
                    continue;
                }
                for g in page {
                    println!(
                        "{}\t{:.2}\t{:.2}\t{:.2}\t{:.2}\t{}",
                        i + 1,
                        g.x,
                        g.y,
                        g.width,
                        g.size,
                        g.text
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.in_file(&path));
            ExitCode::FAILURE
        }
    }
}
