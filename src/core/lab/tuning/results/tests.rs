//! The three layouts read back, each file's best trial as its engine picks it, and malformed
//! files refused with their line.
use super::*;

const OPTUNA: &str = "number,value,datetime_start,params_lr,params_weight_decay,user_attrs_epochs,user_attrs_val_acc,user_attrs_train_acc,state\n\
0,0.5,2026-01-01,0.01,1e-5,3,\"[0.2, 0.4, 0.5]\",\"[0.3, 0.5, 0.6]\",COMPLETE\n\
1,0.3,2026-01-01,0.001,1e-6,1,[0.3],[0.35],PRUNED\n\
2,0.5,2026-01-01,0.02,1e-7,3,\"[0.1, 0.3, 0.5]\",\"[0.2, 0.4, 0.6]\",COMPLETE\n\
3,0.9,2026-01-01,0.05,1e-7,1,[0.9],[0.9],PRUNED\n\
4,,2026-01-01,0.05,1e-7,,,,RUNNING\n";

#[test]
fn optuna_trials_with_their_curves_and_the_best_complete_trial() {
    let r = Results::parse(OPTUNA).unwrap();
    assert_eq!(r.source, Source::Optuna);
    assert_eq!(r.trials.len(), 4, "the running trial is skipped");
    assert_eq!(r.pruned(), 2);
    assert_eq!(r.trials[0].val_acc, vec![0.2, 0.4, 0.5]);
    assert_eq!(r.trials[1].epochs, 1);
    // a pruned trial with a higher value is not Optuna's best; ties go to the lower number
    assert_eq!(r.best().unwrap().number, 0);
}

#[test]
fn ray_rows_per_epoch_become_curves_and_a_short_trial_was_stopped() {
    let text = "val_acc,train_acc,training_iteration,trial_id,config/lr,config/weight_decay\n\
0.2,0.3,1,a_00000,0.01,1e-5\n0.6,0.7,2,a_00000,0.01,1e-5\n0.7,0.8,1,a_00001,0.1,1e-6\n\
0.5,0.6,1,a_00002,0.02,1e-6\n0.65,0.7,2,a_00002,0.02,1e-6\n";
    let r = Results::parse(text).unwrap();
    assert_eq!(r.source, Source::RayTune);
    assert_eq!(r.trials.len(), 3);
    assert_eq!(r.trials[0].val_acc, vec![0.2, 0.6]);
    assert_eq!(r.trials[1].state, State::Pruned);
    // Ray's scope="last": every trial's last value, the stopped one included
    assert_eq!(r.best().unwrap().label, "a_00001");
}

#[test]
fn the_labs_own_csv_skips_untrained_trials_and_marks_halving() {
    let text = "round,trial,lr,weight_decay,epochs,train_acc,val_acc,train_loss,val_loss,diverged_epoch\n\
0,0,0.01,1e-5,9,0.9,0.8,0.3,0.4,0\n0,1,0.02,1e-6,3,0.5,0.9,1,1,0\n0,2,0.5,1e-6,1,0,0,0,0,1\n0,3,0.01,1e-5,0,0,0,0,0,0\n";
    let r = Results::parse(text).unwrap();
    assert_eq!(r.source, Source::Lab);
    assert_eq!(r.trials.len(), 3);
    assert_eq!(r.trials[1].state, State::Pruned);
    assert_eq!(r.trials[2].state, State::Diverged);
    assert_eq!(r.best().unwrap().number, 0, "trained furthest first, as the lab ranks");
}

#[test]
fn malformed_files_name_their_line() {
    let bad = |text: &str| Results::parse(text).unwrap_err();
    let e = bad("a,b\n1,2\n");
    assert_eq!((e.line, &e.problem), (1, &Problem::UnknownColumns));
    let e = bad(&OPTUNA.replace("0.001,1e-6", "fast,1e-6"));
    assert_eq!(e.line, 3);
    assert!(e.to_string().starts_with("line 3: params_lr is \"fast\""), "{e}");
    let e = bad(&OPTUNA.replace("2,0.5,2026-01-01,0.02", "2,0.5,0.02"));
    assert_eq!((e.line, &e.problem), (4, &Problem::Ragged { want: 9, got: 8 }));
    let e = bad(&OPTUNA.replace("[0.1, 0.3, 0.5]", "[0.1, 3, 0.5]"));
    assert_eq!(e.line, 4);
    let e = bad("round,trial,lr,weight_decay,epochs,val_acc\n0,0,0.01,0,3,0.5\n");
    assert_eq!(e.line, 2, "a weight decay of 0 has no place on the log axis");
    assert_eq!(
        bad("round,trial,lr,weight_decay,epochs,val_acc\n").problem,
        Problem::NoTrials
    );
    let huge = "x".repeat(MAX_BYTES + 1);
    assert_eq!(bad(&huge).problem, Problem::TooLarge { cap: MAX_BYTES });
    let rows = "\n".repeat(MAX_ROWS + 5);
    assert_eq!(bad(&rows).problem, Problem::TooManyRows { cap: MAX_ROWS });
}
