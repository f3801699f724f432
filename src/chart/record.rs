//! A display list: charts draw once into a [`Recorder`], and [`replay`] sends the recorded
//! operations to any real backend (SVG, canvas). The chart code is then compiled for one backend
//! type instead of one per output, which keeps the wasm small, and text is measured by
//! [`super::measure::text_size`] (no DOM), so a figure lays out identically everywhere.
use super::measure::text_size;
use plotters::backend::DrawingBackend;
use plotters_backend::text_anchor::Pos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontFamily, FontStyle, FontTransform,
};
use std::cell::RefCell;
use std::rc::Rc;

/// Colour and stroke width of a recorded shape.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// RGB.
    pub rgb: (u8, u8, u8),
    /// Opacity in [0, 1].
    pub alpha: f64,
    /// Line width in pixels.
    pub width: u32,
}

impl Stroke {
    fn of<S: BackendStyle>(s: &S) -> Stroke {
        let c = s.color();
        Stroke {
            rgb: c.rgb,
            alpha: c.alpha,
            width: s.stroke_width(),
        }
    }
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        BackendColor {
            alpha: self.alpha,
            rgb: self.rgb,
        }
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// A recorded font family. Kept as the kind plotters gave, not as its name: plotters'
/// `FontFamily::from(&str)` lower-cases the name, which links Unicode's case tables into every
/// wasm module.
#[derive(Clone)]
enum Family {
    Serif,
    SansSerif,
    Monospace,
    Named(String),
}

/// A recorded text style.
#[derive(Clone)]
pub struct TextSpec {
    family: Family,
    size: f64,
    style: FontStyle,
    transform: FontTransform,
    anchor: Pos,
    color: Stroke,
}

impl BackendTextStyle for TextSpec {
    type FontError = std::fmt::Error;
    fn color(&self) -> BackendColor {
        self.color.color()
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn transform(&self) -> FontTransform {
        self.transform.clone()
    }
    fn style(&self) -> FontStyle {
        self.style
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        match &self.family {
            Family::Serif => FontFamily::Serif,
            Family::SansSerif => FontFamily::SansSerif,
            Family::Monospace => FontFamily::Monospace,
            Family::Named(name) => FontFamily::Name(name),
        }
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        let (w, h) = text_size(text, self.size);
        Ok(((0, 0), (w as i32, h as i32)))
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        // Only the vector backends (SVG, canvas) replay text, and they draw it themselves.
        Ok(Ok(()))
    }
}

/// One drawing operation.
#[derive(Clone)]
pub enum Op {
    /// A pixel.
    Pixel(BackendCoord, Stroke),
    /// A line segment.
    Line(BackendCoord, BackendCoord, Stroke),
    /// A rectangle, filled or outlined.
    Rect(BackendCoord, BackendCoord, Stroke, bool),
    /// A polyline.
    Path(Vec<BackendCoord>, Stroke),
    /// A circle, filled or outlined.
    Circle(BackendCoord, u32, Stroke, bool),
    /// A filled polygon.
    Polygon(Vec<BackendCoord>, Stroke),
    /// Text at a position.
    Text(String, TextSpec, BackendCoord),
}

/// The backend charts draw into; clone the handle from [`Recorder::ops`] before drawing.
pub struct Recorder {
    size: (u32, u32),
    ops: Rc<RefCell<Vec<Op>>>,
}

impl Recorder {
    /// A recorder for a `width x height` pixel figure.
    pub fn new(size: (u32, u32)) -> Self {
        Recorder {
            size,
            ops: Rc::new(RefCell::new(Vec::new())),
        }
    }

    /// The operations (shared: read them after the drawing area is dropped).
    pub fn ops(&self) -> Rc<RefCell<Vec<Op>>> {
        Rc::clone(&self.ops)
    }

    fn push(&self, op: Op) -> Result<(), DrawingErrorKind<std::fmt::Error>> {
        self.ops.borrow_mut().push(op);
        Ok(())
    }
}

impl DrawingBackend for Recorder {
    type ErrorType = std::fmt::Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.push(Op::Pixel(
            p,
            Stroke {
                rgb: c.rgb,
                alpha: c.alpha,
                width: 1,
            },
        ))
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.push(Op::Line(a, b, Stroke::of(s)))
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.push(Op::Rect(a, b, Stroke::of(s), fill))
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.push(Op::Path(path.into_iter().collect(), Stroke::of(s)))
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.push(Op::Circle(c, r, Stroke::of(s), fill))
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.push(Op::Polygon(vert.into_iter().collect(), Stroke::of(s)))
    }
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        s: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let c = s.color();
        let spec = TextSpec {
            family: match s.family() {
                FontFamily::Serif => Family::Serif,
                FontFamily::SansSerif => Family::SansSerif,
                FontFamily::Monospace => Family::Monospace,
                FontFamily::Name(name) => Family::Named(name.to_string()),
            },
            size: s.size(),
            style: s.style(),
            transform: s.transform(),
            anchor: s.anchor(),
            color: Stroke {
                rgb: c.rgb,
                alpha: c.alpha,
                width: 1,
            },
        };
        self.push(Op::Text(text.to_string(), spec, pos))
    }
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        s: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let (w, h) = text_size(text, s.size());
        Ok(match s.transform() {
            FontTransform::Rotate90 | FontTransform::Rotate270 => (h, w),
            _ => (w, h),
        })
    }
}

/// The box a recorded text covers, `(left, top, right, bottom)` in pixels: its measured size
/// ([`text_size`]) placed by its anchor and turned by its rotation. Tests use it to check that no
/// two labels of a figure overlap.
pub fn text_box(text: &str, spec: &TextSpec, pos: BackendCoord) -> (i32, i32, i32, i32) {
    use plotters_backend::text_anchor::{HPos, VPos};
    let (w, h) = text_size(text, spec.size);
    let (w, h) = (w as i32, h as i32);
    let (x, y) = pos;
    // along the text (dx) and across it (dy), before rotation
    let left = match spec.anchor.h_pos {
        HPos::Left => 0,
        HPos::Center => -w / 2,
        HPos::Right => -w,
    };
    let top = match spec.anchor.v_pos {
        VPos::Top => 0,
        VPos::Center => -h / 2,
        VPos::Bottom => -h,
    };
    match spec.transform {
        // turned a quarter counter-clockwise: the text runs upwards from (x, y)
        FontTransform::Rotate270 => (x + top, y - left - w, x + top + h, y - left),
        FontTransform::Rotate90 => (x - top - h, y + left, x - top, y + left + w),
        _ => (x + left, y + top, x + left + w, y + top + h),
    }
}

/// Sends recorded operations to a real backend, in order.
pub fn replay<DB: DrawingBackend>(ops: &[Op], out: &mut DB) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    out.ensure_prepared()?;
    for op in ops {
        match op {
            Op::Pixel(p, s) => out.draw_pixel(*p, s.color())?,
            Op::Line(a, b, s) => out.draw_line(*a, *b, s)?,
            Op::Rect(a, b, s, fill) => out.draw_rect(*a, *b, s, *fill)?,
            Op::Path(points, s) => out.draw_path(points.iter().copied(), s)?,
            Op::Circle(c, r, s, fill) => out.draw_circle(*c, *r, s, *fill)?,
            Op::Polygon(points, s) => out.fill_polygon(points.iter().copied(), s)?,
            Op::Text(text, spec, pos) => out.draw_text(text, spec, *pos)?,
        }
    }
    out.present()
}
