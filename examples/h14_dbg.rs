use trainlab::app::Mounted;
fn main() {
    let mut v = Mounted::new("optima").unwrap();
    println!("{:?}", v.set("draws=10&surface=saddle&steps=120"));
    let d = v.data();
    println!("{}", d["start"]);
    let l = &d["paths"][0]["losses"];
    for t in (0..80).step_by(5) {
        println!("{t} {}", l[t]);
    }
}
