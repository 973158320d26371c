//! Maps added by a user's binary (`gomap_bench::main_with`) go through every job the
//! harness has — a contention group, the linearizability and two-writers checks, an ops
//! group, a counted kernel — and come out named and with their role, like the built-in ones.
//! One test installs them, since the additions are installed once per process.

use gomap_bench::contenders::single::SingleMap;
use gomap_bench::contenders::{self, registry, BuildSpec, Contender, Handle};
use gomap_bench::harness::checks::check::{self, CheckConfig, Verdict};
use gomap_bench::harness::measuring::groups::{run_group, GroupSpec};
use gomap_bench::harness::measuring::rounds::Plan;
use gomap_bench::harness::measuring::runner::CellSpec;
use gomap_bench::harness::suites::counts::kernel::run_kernel;
use gomap_bench::vocabulary::{Dist, Isa, Op, Role, Workload};
use gomap_bench::Registrar;
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

struct Locked(Mutex<HashMap<u64, u64>>);

impl Contender for Locked {
    const NAME: &'static str = "test-locked";
    const ROLE: Role = Role::Ours;
    type Handle<'a> = &'a Locked;
    fn build(spec: &BuildSpec) -> Self {
        Locked(Mutex::new(HashMap::with_capacity(spec.capacity)))
    }
    fn handle(&self) -> &Locked {
        self
    }
    fn len(&self) -> usize {
        self.0.lock().unwrap().len()
    }
}

impl Handle for &Locked {
    fn get(&mut self, k: &u64) -> Option<u64> {
        self.0.lock().unwrap().get(k).copied()
    }
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.0.lock().unwrap().insert(k, v).is_none()
    }
    fn remove(&mut self, k: &u64) -> bool {
        self.0.lock().unwrap().remove(k).is_some()
    }
    fn update(&mut self, k: u64, v: u64) -> bool {
        self.0.lock().unwrap().insert(k, v).is_some()
    }
}

struct BTree(BTreeMap<u64, u64>);

impl SingleMap for BTree {
    fn with_capacity(_: usize) -> Self {
        BTree(BTreeMap::new())
    }
    fn get(&self, k: u64) -> Option<u64> {
        self.0.get(&k).copied()
    }
    fn insert(&mut self, k: u64, v: u64) -> bool {
        self.0.insert(k, v).is_none()
    }
    fn remove(&mut self, k: u64) -> Option<u64> {
        self.0.remove(&k)
    }
    fn len(&self) -> usize {
        self.0.len()
    }
    fn isa() -> Isa {
        Isa::Scalar
    }
    type Token = ();
    fn isa_token(&self) {}
}

fn plan() -> Plan {
    Plan {
        max_rounds: 6,
        min_rounds: 6,
        group_secs: 1.0,
        seed: 1,
        sample_secs: 0.0005,
        blocks: 1,
    }
}

#[test]
fn an_added_map_runs_every_job_and_is_named_with_its_role() {
    let mut r = Registrar::default();
    r.add::<Locked>();
    r.add_single::<BTree>("test-btree", Role::Other);
    r.install().unwrap();

    // Listed and described like the built-in ones.
    assert!(contenders::names().any(|n| n == "test-locked"));
    assert_eq!(
        contenders::describe("test-locked").unwrap().role,
        Role::Ours
    );
    assert_eq!(
        registry::find("test-btree").map(|l| (l.family, l.role)),
        Some((registry::Family::SingleThread, Role::Other))
    );
    assert_eq!(registry::role_of_map("test-locked"), Some(Role::Ours));

    // The contention suite's job.
    let rows = run_group(
        &GroupSpec::Contention {
            cell: CellSpec {
                workload: Workload::Exchange,
                dist: Dist::Uniform,
                size: 512,
                threads: 2,
                shards: None,
            },
            maps: vec!["test-locked".into(), "dashmap".into()],
            stream_ops: 1 << 12,
            sample_ops: None,
        },
        &plan(),
    )
    .unwrap();
    let mine = rows.iter().find(|r| r.id.map == "test-locked").unwrap();
    assert!(mine.valid, "{mine:?}");
    assert_eq!(mine.extra.role, Some(Role::Ours));
    assert!(mine.extra.ratio.is_some(), "divided by the reference");

    // The checks' jobs.
    let report = check::run(
        &CheckConfig {
            maps: vec!["test-locked".into()],
            runs: 2,
            two_writers_runs: 2,
            ledger_rounds: 0,
            ..CheckConfig::default()
        },
        &mut |_| {},
    )
    .unwrap();
    assert!(matches!(report.linearizability[0].1, Verdict::Pass { .. }));
    assert_eq!(report.two_writers.len(), 1);

    // The ops suite's job and the counted kernel's.
    let rows = run_group(
        &GroupSpec::Ops {
            op: Op::GetHit,
            size: 1 << 10,
            maps: vec!["test-btree".into(), "hashbrown".into()],
        },
        &plan(),
    )
    .unwrap();
    let mine = rows.iter().find(|r| r.id.map == "test-btree").unwrap();
    assert!(
        mine.valid && mine.extra.role == Some(Role::Other),
        "{mine:?}"
    );
    assert!(run_kernel("test-btree", Op::GetHit, 1 << 10).unwrap() > 0);
}

#[test]
fn a_name_taken_or_unfit_or_the_reference_is_refused_in_one_line() {
    struct Taken;
    impl Contender for Taken {
        const NAME: &'static str = "dashmap";
        type Handle<'a> = &'a Locked;
        fn build(_: &BuildSpec) -> Self {
            Taken
        }
        fn handle(&self) -> &Locked {
            unreachable!()
        }
        fn len(&self) -> usize {
            0
        }
    }
    let refusal = |f: &dyn Fn(&mut Registrar)| {
        let mut r = Registrar::default();
        f(&mut r);
        r.install().unwrap_err()
    };
    let e = refusal(&|r| r.add::<Taken>());
    assert!(
        e.contains("'dashmap'") && e.contains("taken") && !e.contains('\n'),
        "{e}"
    );
    let e = refusal(&|r| r.add_single::<BTree>("a,b", Role::Other));
    assert!(e.contains("commas"), "{e}");
    let e = refusal(&|r| r.add_single::<BTree>("mine", Role::Reference));
    assert!(e.contains("reference"), "{e}");
    let e = refusal(&|r| {
        r.add_single::<BTree>("twice", Role::Other);
        r.add_single::<BTree>("twice", Role::Other);
    });
    assert!(e.contains("'twice'") && e.contains("taken"), "{e}");
}
