//! view=train through the registry (the session alone: tests/train_session.rs): the default run
//! learns the circle, regularisers shrink the train/dev gap (measured with fixed seeds), panda
//! changes act at the next step without resetting the weights, checkpoints go back, bad input is
//! refused with the run kept; the marks are worded in the figure's language; without a dev set
//! the table, the CSV and the text say so; the relevance rules follow what the run reads.
use trainlab::app::Mounted;

fn train_view(query: &str) -> Mounted {
    let mut v = Mounted::new("train").unwrap();
    let notices = v.set(query);
    assert!(notices.is_empty(), "{notices:?}");
    v
}

fn run_to_end(v: &mut Mounted) -> serde_json::Value {
    for _ in 0..100_000 {
        let p = v.advance(1000).unwrap();
        if p.done >= p.total {
            break;
        }
    }
    v.data()
}

#[test]
fn the_view_trains_the_circle_by_default_and_its_curves_add_up() {
    let mut v = train_view("epochs=40");
    let d = run_to_end(&mut v);
    assert_eq!(d["status"], "done");
    let epochs = d["epochs"].as_array().unwrap();
    assert_eq!(epochs.len(), 41, "epoch 0 (initial weights) + 40");
    let spe = d["steps_per_epoch"].as_u64().unwrap();
    // 400 points, 60% train = 240 rows in batches of 16 = 15 steps.
    assert_eq!(d["rows"]["train"], 240);
    assert_eq!(spe, 15);
    assert_eq!(d["step"].as_u64().unwrap(), 40 * spe);
    let err = |e: &serde_json::Value, k: &str| e[k].as_f64().unwrap();
    let (first, last) = (&epochs[0], &epochs[40]);
    assert!(err(last, "train_error") < err(first, "train_error"));
    assert!(err(last, "train_error") < 0.05, "{last}");
    assert!(err(last, "dev_error") < 0.1, "{last}");
    assert_eq!(d["step_losses"].as_array().unwrap().len() as u64, 40 * spe);
    // The diagnosis reads the last epoch.
    assert_eq!(d["diagnosis"]["train_error"], last["train_error"]);
}

#[test]
fn panda_change_acts_at_the_next_step_without_resetting_the_weights() {
    let mut v = train_view("epochs=20&optimizer=sgd&lr=0.1");
    for _ in 0..3 {
        v.advance(7);
    }
    let before = v.data();
    let step = before["step"].as_u64().unwrap();
    assert!(step > 0);
    let notices = v.set("lr=0.02&lambda=0.5&keep_prob=0.9");
    assert!(notices.is_empty(), "{notices:?}");
    let after = v.data();
    // Same run: the step count, the curves so far and the checkpointable state are kept.
    assert_eq!(after["step"].as_u64().unwrap(), step);
    assert_eq!(after["step_losses"], before["step_losses"]);
    assert_eq!(after["network"]["l2"], 0.5);
    assert_eq!(after["network"]["keep_prob"], 0.9);
    let marks = after["marks"].as_array().unwrap();
    let labels: Vec<&str> = marks.iter().map(|m| m["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["lr 0.1 → 0.02", "λ 0 → 0.5", "keep_prob 1 → 0.9"]);
    assert!(marks.iter().all(|m| m["step"].as_u64().unwrap() == step));
    // A structural change starts a new run.
    v.set("hidden=4");
    assert_eq!(v.data()["step"], 0);
}

#[test]
fn checkpoint_and_restore_go_back_to_the_saved_weights_and_curves() {
    let mut v = train_view("epochs=30");
    v.advance(40);
    let id = v.command("checkpoint", "").unwrap()["id"].as_u64().unwrap();
    let saved = v.data();
    v.advance(200);
    assert!(v.data()["step"].as_u64() > saved["step"].as_u64());
    v.command("restore", &id.to_string()).unwrap();
    let back = v.data();
    assert_eq!(back["step"], saved["step"]);
    assert_eq!(back["epochs"], saved["epochs"]);
    assert_eq!(back["step_losses"], saved["step_losses"]);
    let labels: Vec<String> = back["marks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["label"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(labels, [format!("restored checkpoint {id}")]);
    assert!(v.command("restore", "99").is_err());
    assert_eq!(v.data()["step"], saved["step"], "a bad restore changes nothing");
}

#[test]
fn a_huge_learning_rate_diverges_stops_and_is_marked() {
    let mut v = train_view(
        "optimizer=sgd&lr=10&activation=relu&init=he&epochs=200&batch=240&normalise=0&dataset=gaussians&noise=0.5",
    );
    let d = run_to_end(&mut v);
    assert_eq!(d["status"], "diverged", "{}", d["epochs"]);
    assert!(d["epoch"].as_u64().unwrap() < 200);
    assert!(d["marks"].as_array().unwrap().iter().any(|m| m["label"] == "diverged"));
    // The page stays usable: a smaller rate starts a fresh run that trains.
    assert!(v.set("lr=0.01&optimizer=adam&normalise=1").is_empty());
    let d = v.data();
    assert_ne!(d["status"], "diverged");
}

#[test]
fn malformed_csv_is_refused_with_its_line_and_the_previous_data_kept() {
    let mut v = train_view("epochs=5");
    v.advance(10);
    let before = v.data();
    let bad = "a,b,label\n1,2,x\n3,oops,y\n";
    let n = v.command("csv", bad).unwrap_err();
    assert!(n[0].detail.contains("line 3"), "{n:?}");
    assert_eq!(v.data()["rows"], before["rows"]);
    assert_eq!(v.data()["step"], before["step"]);
    // A good file with three classes: softmax with three outputs.
    let good = "x,y,c\n0,0,a\n1,0,b\n0,1,c\n1,1,a\n2,2,b\n2,0,c\n0,2,a\n3,1,b\n1,3,c\n";
    let r = v.command("csv", good).unwrap();
    assert_eq!(r["classes"], 3);
    assert!(v.set(r["query"].as_str().unwrap()).is_empty());
    let d = v.data();
    assert_eq!(d["dataset"], "csv");
    assert_eq!(d["network"]["output"], "softmax");
    assert_eq!(d["network"]["sizes"].as_array().unwrap().last().unwrap(), 3);
}

#[test]
fn clicked_points_join_the_training_rows() {
    let mut v = train_view("epochs=5");
    let rows = v.data()["rows"]["train"].as_u64().unwrap();
    // The centre of the plot in a 760 x 440 figure (see chart::train::plot_rect).
    let (l, t, side) = trainlab::chart::train::plot_rect(760.0, 440.0);
    let arg = format!(
        "{{\"x\":{},\"y\":{},\"width\":760,\"height\":440,\"class\":0}}",
        l + side / 2.0,
        t + side / 2.0
    );
    let r = v.command("add_point", &arg).unwrap();
    let vb = v.data()["view_box"].clone();
    let mid = |k: usize| (vb[k][0].as_f64().unwrap() + vb[k][1].as_f64().unwrap()) / 2.0;
    assert!((r["x"].as_f64().unwrap() - mid(0)).abs() < 1e-9);
    assert!((r["y"].as_f64().unwrap() - mid(1)).abs() < 1e-9);
    assert_eq!(v.data()["rows"]["train"].as_u64().unwrap(), rows + 1);
    assert!(
        v.command("add_point", "{\"x\":1,\"y\":1,\"width\":760,\"height\":440}")
            .is_err(),
        "outside the plot"
    );
    assert!(v.command("add_point", "not json").is_err());
    assert!(v
        .command("add_point", &arg.replace("\"class\":0", "\"class\":7"))
        .is_err());
}

#[test]
fn bad_settings_give_notices_and_keep_the_run() {
    let mut v = train_view("epochs=5");
    v.advance(5);
    let step = v.data()["step"].clone();
    let n = v.set("train=0.9&dev=0.5");
    assert!(n.iter().any(|n| n.param == "dev"), "{n:?}");
    assert_eq!(v.data()["step"], step);
    let n = v.set("hidden=900,512,512,512,512,512,512,512,512,512,512,512,512,512");
    assert!(n.iter().any(|n| n.param == "hidden"), "{n:?}");
    // Cut to 10 layers, each clamped to 256 units: 2-256x10-1.
    let sizes = v.data()["network"]["sizes"].clone();
    assert_eq!(sizes.as_array().unwrap().len(), 12, "{sizes}");
    assert!(sizes.as_array().unwrap()[1..11].iter().all(|u| u == 256), "{sizes}");
    assert_eq!(
        v.data()["network"]["params"],
        2 * 256 + 256 + 9 * (256 * 256 + 256) + 256 + 1
    );
    let n = v.set("dataset=csv");
    assert!(n.iter().any(|n| n.param == "dataset"), "{n:?}");
    assert!(v.command("nope", "").is_err());
    assert!(v.command("preset", "nope").is_err());
}

/// Runs a DLFS preset through the view (its query, with `extra` appended) and returns the
/// last epoch's (train error, dev error).
fn preset_gap(id: &str, extra: &str) -> (f64, f64) {
    let mut v = Mounted::new("train").unwrap();
    let q = v.command("preset", id).unwrap()["query"].as_str().unwrap().to_string();
    let notices = v.set(&format!("{q}{extra}"));
    assert!(notices.is_empty(), "{notices:?}");
    let d = run_to_end(&mut v);
    assert_eq!(d["status"], "done", "{id}");
    assert_eq!(d["rows"]["train"], 300, "DLFS trains on 300 samples");
    let last = d["epochs"].as_array().unwrap().last().unwrap().clone();
    (
        last["train_error"].as_f64().unwrap(),
        last["dev_error"].as_f64().unwrap(),
    )
}

#[test]
fn weight_decay_and_dropout_presets_shrink_the_train_dev_gap() {
    // Measured, not assumed: each preset with and without its regulariser, same seed, same data,
    // same epochs; the gap is dev error - train error (DLFS: test accuracy - train accuracy).
    let epochs = std::env::var("TRAIN_PRESET_EPOCHS").unwrap_or_else(|_| "201".into());
    let extra = format!("&epochs={epochs}");
    let (wd_train, wd_dev) = preset_gap("overfit_weight_decay", &extra);
    let (off_train, off_dev) = preset_gap("overfit_weight_decay_off", &extra);
    let (do_train, do_dev) = preset_gap("overfit_dropout", &extra);
    eprintln!(
        "# {epochs} epochs: no regulariser train {off_train:.3} dev {off_dev:.3}; L2 train {wd_train:.3} dev {wd_dev:.3}; \
         dropout train {do_train:.3} dev {do_dev:.3}"
    );
    assert!(
        off_train < 0.01,
        "without a regulariser the 300 digits are learnt by heart: {off_train}"
    );
    let gap = |t: f64, d: f64| d - t;
    assert!(gap(wd_train, wd_dev) < gap(off_train, off_dev), "L2 shrinks the gap");
    assert!(
        gap(do_train, do_dev) < gap(off_train, off_dev),
        "dropout shrinks the gap"
    );
}

#[test]
fn batch_of_one_gives_a_noisier_cost_curve_than_the_full_batch() {
    // Mean absolute change of the mini-batch cost between consecutive steps, over the first 200
    // steps of each run (same data, network and seed).
    let jitter = |q: &str| {
        let mut v = train_view(q);
        v.advance(5000);
        let d = v.data();
        let l: Vec<f64> = d["step_losses"]
            .as_array()
            .unwrap()
            .iter()
            .take(200)
            .map(|p| p[1].as_f64().unwrap())
            .collect();
        assert!(l.len() >= 100, "{q}: {} steps", l.len());
        l.windows(2).map(|w| (w[1] - w[0]).abs()).sum::<f64>() / (l.len() - 1) as f64
    };
    let sgd = jitter("batch=1&epochs=2&optimizer=sgd&lr=0.05&noise=0.2");
    let full = jitter("batch=8192&epochs=300&optimizer=sgd&lr=0.05&noise=0.2");
    assert!(sgd > 10.0 * full, "batch 1: {sgd}, full batch: {full}");
}

#[test]
fn normalisation_uses_the_training_rows_statistics() {
    let v = train_view("dataset=digits&samples=500&epochs=1");
    let d = v.data();
    // The digits' first pixel is 0 in every image: a constant feature is only centred (shift =
    // its mean 0, scale 1), never divided by a zero standard deviation.
    let shift = d["scaler"]["shift"].as_array().unwrap();
    let scale = d["scaler"]["scale"].as_array().unwrap();
    assert_eq!(shift.len(), 64);
    assert_eq!(shift[0], 0.0);
    assert_eq!(scale[0], 1.0);
    let v = train_view("dataset=digits&samples=500&epochs=1&normalise=0");
    let d = v.data();
    assert!(d["scaler"]["scale"].as_array().unwrap().iter().all(|s| s == 1.0));
    assert!(d["scaler"]["shift"].as_array().unwrap().iter().all(|s| s == 0.0));
}

/// The Latin words of at least three letters in the texts the figure draws in `lang`, except
/// the option ids of the view's own choices (`adam`, `constant`), identifiers (`keep_prob`) and
/// the names Korean text keeps (`dev`, `Bayes`).
fn latin_words_drawn(v: &Mounted, lang: trainlab::chart::Lang) -> (Vec<String>, Vec<String>) {
    use trainlab::app::params::ParamKind;
    use trainlab::chart::record::Op;
    let ids: Vec<&str> = v
        .entry()
        .params
        .iter()
        .flat_map(|p| match p.kind {
            ParamKind::Choice { options } => options.to_vec(),
            _ => Vec::new(),
        })
        .collect();
    let theme = trainlab::chart::Theme { scale: 1.0, lang };
    let texts: Vec<String> = v
        .record(trainlab::app::DEFAULT_SIZE, &theme)
        .unwrap()
        .into_iter()
        .filter_map(|op| match op {
            Op::Text(s, _, _) => Some(s),
            _ => None,
        })
        .collect();
    let words = texts
        .iter()
        .flat_map(|t| t.split(|c: char| !(c.is_alphanumeric() || c == '_')))
        .filter(|w| !w.contains('_'))
        .flat_map(|w| w.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| w.len() >= 3 && !["dev", "Bayes"].contains(w) && !ids.contains(w))
        .map(str::to_string)
        .collect();
    (texts, words)
}

#[test]
fn korean_figures_word_the_marks_of_a_divergence_an_early_stop_and_a_restore() {
    use trainlab::chart::Lang;
    // A diverging run.
    let mut diverged = train_view(
        "optimizer=sgd&lr=10&activation=relu&init=he&epochs=200&batch=240&normalise=0&dataset=gaussians&noise=0.5",
    );
    assert_eq!(run_to_end(&mut diverged)["status"], "diverged");
    // Early stopping: patience 1 on noisy blobs stops at the first epoch whose dev cost is worse.
    let mut stopped = train_view("dataset=gaussians&noise=0.5&samples=200&patience=1&epochs=500");
    assert_eq!(run_to_end(&mut stopped)["status"], "early_stopped");
    // Panda changes (optimizer, schedule, patience), a checkpoint after them, a restore.
    let mut restored = train_view("epochs=50");
    restored.advance(40);
    assert!(restored
        .set("optimizer=sgd&schedule=exponential&patience=5&lr=0.05")
        .is_empty());
    restored.advance(40);
    let id = restored.command("checkpoint", "").unwrap()["id"].as_u64().unwrap();
    restored.advance(40);
    restored.command("restore", &id.to_string()).unwrap();
    let labels = |v: &Mounted| -> Vec<String> {
        v.data()["marks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["label"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(labels(&restored).contains(&format!("restored checkpoint {id}")));
    assert!(labels(&restored).contains(&"optimizer adam → sgd".to_string()));
    for (v, korean) in [
        (&diverged, "발산"),
        (&stopped, "조기 종료: 에포크"),
        (&restored, "체크포인트 1 복원"),
    ] {
        // The English figure draws the English marks (the data's labels) ...
        let (en, _) = latin_words_drawn(v, Lang::En);
        for label in labels(v) {
            assert!(en.contains(&label), "{label} not drawn in {en:?}");
        }
        // ... and the Korean figure draws them in Korean, no English word left.
        let (ko, english) = latin_words_drawn(v, Lang::Ko);
        assert!(
            english.is_empty(),
            "English in the Korean figure: {english:?} in {ko:?}"
        );
        assert!(ko.iter().any(|t| t.contains(korean)), "{korean} not in {ko:?}");
    }
}

#[test]
fn without_a_dev_set_the_table_csv_text_and_diagnosis_say_so() {
    use trainlab::chart::Lang;
    let mut v = train_view("dev=0&epochs=3");
    let d = run_to_end(&mut v);
    assert_eq!(d["rows"]["dev"], 0);
    // The table under the figure has its row, with the dev cells empty.
    let table = &v.summary()["tables"][0];
    let rows = table["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{table}");
    assert_eq!(table["id"], "epoch_no_dev", "the caption says there is no dev set");
    let columns: Vec<&str> = table["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let cell = |name: &str| rows[0][columns.iter().position(|c| *c == name).unwrap()].clone();
    assert_eq!(cell("epoch").as_f64(), Some(3.0));
    assert!(cell("train_error").is_number() && cell("train_cost").is_number());
    assert!(cell("dev_cost").is_null() && cell("dev_error").is_null());
    // The CSV leaves the dev columns empty instead of repeating the train values.
    let csv = v.csv();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let (dev_cost, dev_error) = (
        header.iter().position(|c| *c == "dev_cost").unwrap(),
        header.iter().position(|c| *c == "dev_error").unwrap(),
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 4, "epochs 0 to 3");
    for row in &rows {
        assert_eq!(row.len(), header.len());
        assert_eq!((row[dev_cost], row[dev_error]), ("", ""), "{row:?}");
        assert!(row[..dev_cost]
            .iter()
            .all(|c| c.parse::<f64>().is_ok_and(f64::is_finite)));
    }
    // The diagnosis uses the train error alone and says so; the variance is not made up.
    assert!(d["diagnosis"]["dev_error"].is_null() && d["diagnosis"]["variance"].is_null());
    let en = v.describe(Lang::En);
    assert!(en.contains("no dev set") && en.contains("train error alone"), "{en}");
    assert!(!en.contains("dev error –") && !en.contains("nor high variance"), "{en}");
    let ko = v.describe(Lang::Ko);
    assert!(ko.contains("dev 세트가 없어"), "{ko}");
    // With a dev set nothing of it is said.
    let mut with_dev = train_view("epochs=3");
    run_to_end(&mut with_dev);
    assert_eq!(with_dev.summary()["tables"][0]["id"], "epoch");
    assert!(!with_dev.describe(Lang::En).contains("no dev set"));
}

#[test]
fn each_csv_upload_is_its_own_data() {
    let mut v = train_view("epochs=3");
    let three = "x,y,c\n0,0,a\n1,0,b\n0,1,c\n1,1,a\n2,2,b\n2,0,c\n0,2,a\n3,1,b\n1,3,c\n";
    let two = "x,y,c\n0,0,a\n1,0,b\n0,1,a\n1,1,b\n2,2,a\n2,0,b\n0,2,a\n3,1,b\n";
    let r = v.command("csv", three).unwrap();
    assert!(v.set(r["query"].as_str().unwrap()).is_empty());
    assert_eq!(v.data()["classes"], 3);
    assert!(v.set("dataset=circle").is_empty());
    v.command("csv", two).unwrap();
    assert!(v.set("dataset=csv").is_empty());
    assert_eq!(v.data()["classes"], 2, "the second upload, not the first");
    // Showing a CSV already, a new upload restarts on its rows at once.
    v.command("csv", three).unwrap();
    assert_eq!(v.data()["classes"], 3);
    assert_eq!(v.data()["step"], 0);
}
