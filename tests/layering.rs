//! The core stays pure: no browser or drawing crates under src/core (DEVELOPERS.md layering).
use std::path::Path;

/// The file's code without `//` comments (docs may name the crates they avoid).
fn code_of(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn core_uses_no_wasm_bindgen_web_sys_js_sys_or_plotters() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core"), &mut files);
    assert!(!files.is_empty());
    for file in files {
        let text = code_of(&file);
        for forbidden in [
            "wasm_bindgen",
            "web_sys",
            "js_sys",
            "plotters",
            "getrandom",
            "std::time",
            "thread_local",
            "static mut",
        ] {
            assert!(!text.contains(forbidden), "{} uses {forbidden}", file.display());
        }
    }
}

#[test]
fn chart_does_not_reach_into_the_browser() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/chart"), &mut files);
    for file in files {
        let text = code_of(&file);
        // plotters' series legend and multi-line text measure text through the DOM in the browser
        // (a forced layout per label, refused by the page's CSP); chart::legend replaces them.
        for forbidden in [
            "wasm_bindgen",
            "web_sys",
            "js_sys",
            "crate::app",
            "crate::web",
            "configure_series_labels",
            "MultiLineText",
        ] {
            assert!(!text.contains(forbidden), "{} uses {forbidden}", file.display());
        }
    }
}
