// scratch (not committed): writes a view's SVG at a size
use trainlab::app::Mounted;
use trainlab::chart::Lang;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let mut v = Mounted::new(&a[1]).unwrap();
    if a.len() > 5 {
        println!("{:?}", v.set(&a[5]));
    }
    while let Some(p) = v.advance(100000) {
        if p.finished() {
            break;
        }
    }
    let (w, h): (u32, u32) = (a[2].parse().unwrap(), a[3].parse().unwrap());
    let h = if h == 0 { v.height_for(w as f64) as u32 } else { h };
    let lang = if a[4] == "ko" { Lang::Ko } else { Lang::En };
    std::fs::write(format!("/tmp/{}-{}-{}.svg", a[1], w, a[4]), v.svg(w, h, lang).unwrap()).unwrap();
    println!("{}", v.describe(lang));
    println!(
        "{}",
        serde_json::to_string(&v.summary())
            .unwrap()
            .chars()
            .take(3000)
            .collect::<String>()
    );
}
