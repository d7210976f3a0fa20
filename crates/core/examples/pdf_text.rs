//! Prints the text referat reads from a PDF (page furniture last, after a marker), to
//! compare with other extractors: `cargo run -p referat-core --example pdf_text --
//! minutes.pdf`. `cargo xtask pdf-eval` does the comparison with `pdftotext`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pdf_text FILE.pdf");
        return ExitCode::FAILURE;
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cannot read `{path}`: {e}");
            return ExitCode::FAILURE;
        }
    };
    let vocabulary = referat_core::Vocabulary::builtin();
    match referat_core::pdf::extract(&bytes, &|l| vocabulary.is_heading_line(l)) {
        Ok(pdf) => {
            print!("{}", pdf.text);
            println!("\n--- page furniture ({} lines) ---", pdf.furniture.len());
            for line in &pdf.furniture {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.in_file(&path));
            ExitCode::FAILURE
        }
    }
}
