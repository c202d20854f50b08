//! Timing helpers: percentiles over repeated runs, and formatting.

use std::time::{Duration, Instant};

pub struct Samples(pub Vec<Duration>);

impl Samples {
    pub fn collect(n: usize, mut f: impl FnMut()) -> Samples {
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            let t = Instant::now();
            f();
            v.push(t.elapsed());
        }
        Samples(v)
    }

    pub fn percentile(&self, p: f64) -> Duration {
        let mut v = self.0.clone();
        v.sort();
        let i = ((v.len() as f64 - 1.0) * p).round() as usize;
        v[i.min(v.len() - 1)]
    }

    pub fn p50(&self) -> Duration {
        self.percentile(0.5)
    }
}

pub fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

pub fn ratio(ours: Duration, reference: Duration) -> String {
    format!("{:.2}×", ours.as_secs_f64() / reference.as_secs_f64().max(1e-9))
}
