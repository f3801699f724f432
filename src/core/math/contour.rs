//! Iso-lines of a function sampled on a grid, by marching squares (Lorensen & Cline's marching
//! cubes in 2-D): each grid cell's four corners are above or below the level; the 16 cases say
//! which cell edges the line crosses, and the crossing is placed by linear interpolation along
//! the edge. Segments that share an edge are joined into polylines so a chart draws one path per
//! line piece instead of thousands of segments.
//!
//! The two ambiguous cases (diagonal corners above) are resolved with the cell's centre value.
use serde::{Deserialize, Serialize};

/// The largest grid side (points) accepted; larger requests are refused before allocating.
pub const MAX_GRID: usize = 1000;

/// Values of a function on a regular `nx` by `ny` grid over `[x0, x1] x [y0, y1]`,
/// row-major with y outer (`values[j * nx + i]` at `x_i`, `y_j`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    /// Points along x (>= 2).
    pub nx: usize,
    /// Points along y (>= 2).
    pub ny: usize,
    /// x range.
    pub x: (f64, f64),
    /// y range.
    pub y: (f64, f64),
    /// The samples.
    pub values: Vec<f64>,
}

impl Grid {
    /// Samples `f` on an `nx` by `ny` grid (sides clamped to `2..=MAX_GRID`).
    pub fn sample(nx: usize, ny: usize, x: (f64, f64), y: (f64, f64), f: impl Fn(f64, f64) -> f64) -> Grid {
        let (nx, ny) = (nx.clamp(2, MAX_GRID), ny.clamp(2, MAX_GRID));
        let mut values = Vec::with_capacity(nx * ny);
        for j in 0..ny {
            let yj = y.0 + (y.1 - y.0) * j as f64 / (ny - 1) as f64;
            for i in 0..nx {
                values.push(f(x.0 + (x.1 - x.0) * i as f64 / (nx - 1) as f64, yj));
            }
        }
        Grid { nx, ny, x, y, values }
    }

    fn at(&self, i: usize, j: usize) -> f64 {
        self.values[j * self.nx + i]
    }

    fn xy(&self, i: f64, j: f64) -> [f64; 2] {
        [
            self.x.0 + (self.x.1 - self.x.0) * i / (self.nx - 1) as f64,
            self.y.0 + (self.y.1 - self.y.0) * j / (self.ny - 1) as f64,
        ]
    }

    /// Smallest and largest finite sample (`None` if there is none).
    pub fn finite_range(&self) -> Option<(f64, f64)> {
        let mut r: Option<(f64, f64)> = None;
        for &v in self.values.iter().filter(|v| v.is_finite()) {
            r = Some(r.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))));
        }
        r
    }

    /// The point where the level crosses edge `e` (see [`Grid::edge_id`]).
    fn crossing(&self, e: u32, level: f64) -> [f64; 2] {
        let cell = (e / 2) as usize;
        let (i, j) = (cell % self.nx, cell / self.nx);
        let (i2, j2) = if e % 2 == 0 { (i + 1, j) } else { (i, j + 1) };
        let (a, b) = (self.at(i, j), self.at(i2, j2));
        // a and b lie on opposite sides of the level, so a != b.
        let t = ((level - a) / (b - a)).clamp(0.0, 1.0);
        self.xy(i as f64 + t * (i2 - i) as f64, j as f64 + t * (j2 - j) as f64)
    }

    /// Edge ids: `2 (j nx + i)` is the edge from (i, j) to (i+1, j), `+1` the edge to (i, j+1).
    fn edge_id(&self, i: usize, j: usize, vertical: bool) -> u32 {
        (2 * (j * self.nx + i) + vertical as usize) as u32
    }

    /// The iso-line `f = level` as polylines.
    pub fn contour(&self, level: f64) -> Vec<Vec<[f64; 2]>> {
        self.contours(&[level]).pop().unwrap_or_default()
    }

    /// The iso-lines of several levels in one pass over the cells: each cell is visited once and
    /// only the levels strictly inside its corner range (found by binary search in the sorted
    /// levels) are traced there, so most cells cost a min/max and no level loop.
    pub fn contours(&self, levels: &[f64]) -> Vec<Vec<Vec<[f64; 2]>>> {
        let mut order: Vec<usize> = (0..levels.len()).filter(|&k| levels[k].is_finite()).collect();
        order.sort_by(|&a, &b| levels[a].total_cmp(&levels[b]));
        let sorted: Vec<f64> = order.iter().map(|&k| levels[k]).collect();
        let mut segs: Vec<Vec<(u32, u32)>> = vec![Vec::new(); levels.len()];
        for j in 0..self.ny - 1 {
            let row = &self.values[j * self.nx..(j + 2) * self.nx];
            for i in 0..self.nx - 1 {
                let c = [row[i], row[i + 1], row[self.nx + i + 1], row[self.nx + i]];
                let lo = c[0].min(c[1]).min(c[2]).min(c[3]);
                let hi = c[0].max(c[1]).max(c[2]).max(c[3]);
                if !(lo.is_finite() && hi.is_finite()) {
                    continue;
                }
                // levels l with lo < l <= hi: some corner below (< l) and some above (>= l)
                let from = sorted.partition_point(|&l| l <= lo);
                let to = sorted.partition_point(|&l| l <= hi);
                for s in from..to {
                    self.cell_segments(i, j, &c, sorted[s], &mut segs[order[s]]);
                }
            }
        }
        // Each edge belongs to at most two cells, so to at most two segments: a dense table of
        // two segment slots per edge, shared by the levels and reset after each.
        let mut slots = vec![[u32::MAX; 2]; 2 * self.nx * self.ny];
        levels
            .iter()
            .zip(&segs)
            .map(|(&level, segs)| {
                let lines = self.stitch(segs, &mut slots, level);
                for &(a, b) in segs {
                    slots[a as usize] = [u32::MAX; 2];
                    slots[b as usize] = [u32::MAX; 2];
                }
                lines
            })
            .collect()
    }

    fn cell_segments(&self, i: usize, j: usize, c: &[f64; 4], level: f64, segs: &mut Vec<(u32, u32)>) {
        let case = (c[0] >= level) as u8
            | ((c[1] >= level) as u8) << 1
            | ((c[2] >= level) as u8) << 2
            | ((c[3] >= level) as u8) << 3;
        // edges: bottom (i,j)-(i+1,j), right (i+1,j)-(i+1,j+1), top (i,j+1)-(i+1,j+1), left (i,j)-(i,j+1)
        let bottom = self.edge_id(i, j, false);
        let right = self.edge_id(i + 1, j, true);
        let top = self.edge_id(i, j + 1, false);
        let left = self.edge_id(i, j, true);
        let centre_above = (c[0] + c[1] + c[2] + c[3]) / 4.0 >= level;
        match case {
            0 | 15 => {}
            1 | 14 => segs.push((left, bottom)),
            2 | 13 => segs.push((bottom, right)),
            3 | 12 => segs.push((left, right)),
            4 | 11 => segs.push((right, top)),
            6 | 9 => segs.push((bottom, top)),
            7 | 8 => segs.push((left, top)),
            5 => {
                // corners 0 and 2 above
                if centre_above {
                    segs.push((left, top));
                    segs.push((bottom, right));
                } else {
                    segs.push((left, bottom));
                    segs.push((right, top));
                }
            }
            _ => {
                // 10: corners 1 and 3 above
                if centre_above {
                    segs.push((left, bottom));
                    segs.push((right, top));
                } else {
                    segs.push((left, top));
                    segs.push((bottom, right));
                }
            }
        }
    }

    fn stitch(&self, segs: &[(u32, u32)], slots: &mut [[u32; 2]], level: f64) -> Vec<Vec<[f64; 2]>> {
        for (k, &(a, b)) in segs.iter().enumerate() {
            for e in [a, b] {
                let slot = &mut slots[e as usize];
                if slot[0] == u32::MAX {
                    slot[0] = k as u32;
                } else {
                    slot[1] = k as u32;
                }
            }
        }
        let other = |k: usize, e: u32| if segs[k].0 == e { segs[k].1 } else { segs[k].0 };
        let mut used = vec![false; segs.len()];
        let mut lines = Vec::new();
        for start in 0..segs.len() {
            if used[start] {
                continue;
            }
            used[start] = true;
            // walk forward from the segment's second edge, then backward from its first
            let mut halves = [vec![segs[start].1], vec![segs[start].0]];
            for half in halves.iter_mut() {
                let (mut k, mut e) = (start, half[0]);
                loop {
                    let s = slots[e as usize];
                    let n = if s[0] as usize == k { s[1] } else { s[0] };
                    if n == u32::MAX || used[n as usize] {
                        break;
                    }
                    k = n as usize;
                    used[k] = true;
                    e = other(k, e);
                    half.push(e);
                }
            }
            let [fwd, back] = halves;
            let line = back
                .iter()
                .rev()
                .chain(fwd.iter())
                .map(|&e| self.crossing(e, level))
                .collect();
            lines.push(line);
        }
        lines
    }
}

/// `n` contour levels that show a valley: geometric steps above the minimum `lo` when the
/// surface has one (`span * 0.6` down to `span * 1e-4`, so the narrow valley floor gets lines too),
/// otherwise evenly spaced strictly between `lo` and `hi`.
pub fn levels(lo: f64, hi: f64, n: usize, has_minimum: bool) -> Vec<f64> {
    let span = hi - lo;
    if !(span.is_finite() && span > 0.0) || n == 0 {
        return Vec::new();
    }
    if has_minimum {
        let (top, bottom) = (0.6f64, 1e-4f64);
        let ratio = if n > 1 {
            (bottom / top).powf(1.0 / (n - 1) as f64)
        } else {
            1.0
        };
        (0..n).map(|k| lo + span * top * ratio.powi(k as i32)).collect()
    } else {
        (1..=n).map(|k| lo + span * k as f64 / (n + 1) as f64).collect()
    }
}
