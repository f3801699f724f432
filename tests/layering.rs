//! Guard rails: the core stays pure (no browser or drawing crates), each layer uses only the
//! layers below it (core -> chart -> app -> web), no file-level import cycle, no shared mutable
//! state in the app, no Rust file over 450 lines, and the README lists every registered view.
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

#[test]
fn layers_only_use_the_layers_below_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    // core -> chart -> app -> web: a layer may not name a layer to its right.
    for (layer, forbidden) in [
        ("core", &["crate::chart", "crate::app", "crate::web"][..]),
        ("chart", &["crate::app", "crate::web"][..]),
        ("app", &["crate::web"][..]),
    ] {
        let mut files = Vec::new();
        rust_files(&root.join(layer), &mut files);
        assert!(!files.is_empty(), "{layer}");
        for file in files {
            let text = code_of(&file);
            for f in forbidden {
                assert!(!text.contains(f), "{} ({layer}) uses {f}", file.display());
            }
        }
    }
}

#[test]
fn app_keeps_no_shared_mutable_state() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app"), &mut files);
    for file in files {
        let text = code_of(&file);
        for forbidden in ["Rc<RefCell", "RefCell<", "Rc::new"] {
            assert!(!text.contains(forbidden), "{} uses {forbidden}", file.display());
        }
    }
}

#[test]
fn no_rust_file_is_over_450_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("tests"), &mut files);
    rust_files(&root.join("examples"), &mut files);
    for file in files {
        let lines = std::fs::read_to_string(&file).unwrap().lines().count();
        assert!(lines <= 450, "{} has {lines} lines (at most 450)", file.display());
    }
}

/// The module path of a file under src/ (`core/nn/mod.rs` -> `[core, nn]`).
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    parts
}

/// Every `crate::a::b`, `super::a` and `self::a` path in `text`, as (head, segments), including
/// the items of grouped uses (`use super::{a, b::c}` gives `super::a` and `super::b`).
fn paths_in(text: &str) -> Vec<(String, Vec<String>)> {
    let bytes = text.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let boundary = i == 0 || !ident(bytes[i - 1]);
        let head = ["crate", "super", "self"]
            .into_iter()
            .find(|h| boundary && text[i..].starts_with(h) && text[i + h.len()..].starts_with("::"));
        let Some(head) = head else {
            i += 1;
            continue;
        };
        let mut j = i + head.len();
        let mut segs = Vec::new();
        while text[j..].starts_with("::") {
            j += 2;
            if text[j..].starts_with('{') {
                // grouped items: the first segment of each
                let end = text[j..].find('}').map_or(text.len(), |e| j + e);
                for item in text[j + 1..end].split(',') {
                    let first: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !first.is_empty() {
                        let mut s = segs.clone();
                        s.push(first);
                        out.push((head.to_string(), s));
                    }
                }
                j = end;
                break;
            }
            let start = j;
            while j < bytes.len() && ident(bytes[j]) {
                j += 1;
            }
            if start == j {
                break;
            }
            segs.push(text[start..j].to_string());
        }
        out.push((head.to_string(), segs));
        i = j.max(i + 1);
    }
    out
}

#[test]
fn no_import_cycle_between_files() {
    use std::collections::{BTreeMap, BTreeSet};
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeMap<Vec<String>, std::path::PathBuf> =
        files.iter().map(|f| (module_of(&src, f), f.clone())).collect();
    let resolve = |parts: &[String]| -> Option<Vec<String>> {
        (1..=parts.len())
            .rev()
            .map(|k| parts[..k].to_vec())
            .find(|p| modules.contains_key(p))
    };
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, file) in &modules {
        for (head, mut segs) in paths_in(&code_of(file)) {
            let mut base: Vec<String> = match head.as_str() {
                "crate" => Vec::new(),
                "super" => module[..module.len().saturating_sub(1)].to_vec(),
                _ => module.clone(),
            };
            while segs.first().map(String::as_str) == Some("super") {
                base.pop();
                segs.remove(0);
            }
            base.extend(segs);
            if let Some(target) = resolve(&base) {
                // a parent's mod.rs naming its children is not an edge back
                if &target != module && !module.starts_with(&target) {
                    edges.entry(module.clone()).or_default().insert(target);
                }
            }
        }
    }
    // A cycle: a file that reaches itself. Depth-first search from each file.
    for start in modules.keys() {
        let mut stack: Vec<Vec<String>> = edges.get(start).into_iter().flatten().cloned().collect();
        let mut seen = BTreeSet::new();
        while let Some(m) = stack.pop() {
            assert!(
                &m != start,
                "import cycle through {} and {}",
                modules[start].display(),
                modules[&m].display()
            );
            if seen.insert(m.clone()) {
                stack.extend(edges.get(&m).into_iter().flatten().cloned());
            }
        }
    }
}

#[test]
fn the_readme_view_table_lists_every_registered_view() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for view in trainlab::app::VIEWS {
        let row = format!("| `{}` |", view.id);
        assert!(readme.contains(&row), "README's view table has no row {row}");
    }
}
