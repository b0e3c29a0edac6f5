//! Side colours: the one palette and the one function, `side_colors`, that the explorer and the
//! authoring view both use, so a side has the same colour in every view.
//!
//! Two promises hold for every side:
//! - it is readable: at least 3:1 contrast (WCAG 2 relative luminance, the minimum for lines and
//!   other non-text marks) against the page and panel backgrounds of the light theme and of the
//!   dark theme. A side's own colour that falls short in a theme is darkened (light theme) or
//!   lightened (dark theme) for that theme only, keeping its hue; so a side has a colour per theme.
//! - a colour the palette hands out is never one another side already has, nor close to one:
//!   at least `MIN_DELTA_E` apart in CIEDE2000, in both themes.
//!
//! Sides also differ by line pattern (`Explorer::side_underline`), so colour is never the only cue.

use std::fmt;

use crate::model::Side;

/// The least contrast a side colour has against each background of each theme (WCAG 2.2,
/// success criterion 1.4.11, non-text contrast).
pub const MIN_CONTRAST: f64 = 3.0;

/// How far apart (CIEDE2000 ΔE) a colour from the palette must be from every colour another side
/// already has; any two palette colours are at least this far apart too.
///
/// ΔE00 of 1 to 2 is just noticeable between two patches that touch, and up to about 10 two colours
/// still pass at a glance for one colour a shade lighter or duller. Side colours are thin borders,
/// underlines and faint tints seen apart on the page, where differences look smaller than between
/// touching patches (Szafir, "Modeling Color Difference for Visualization Design", 2017), so
/// "close" reaches past that, to 12. It cannot reach much further: 3:1 on both a light and a dark
/// page keeps every colour inside a band of lightness (L* ≈ 45–60), where the best 16 colours we
/// found are only about 13.5 apart.
pub const MIN_DELTA_E: f64 = 12.0;

/// Colours for sides that name none (or name an invalid one), in the order they are handed out.
/// Each passes `MIN_CONTRAST` in both themes unchanged, and any two (and each and `NO_SIDE`) are at
/// least `MIN_DELTA_E` apart; the tests check both. The first eight are familiar hues at least 16
/// apart, since most articles have two to four sides.
pub const PALETTE: [Rgb; 16] = [
    Rgb::new(0xc0, 0x3c, 0x2d), // red
    Rgb::new(0x2d, 0x6c, 0xc0), // blue
    Rgb::new(0x06, 0xa2, 0x63), // green
    Rgb::new(0xba, 0x78, 0x15), // amber
    Rgb::new(0x9f, 0x45, 0xab), // purple
    Rgb::new(0x09, 0x7b, 0x8d), // teal
    Rgb::new(0xcf, 0x51, 0x8a), // pink
    Rgb::new(0x69, 0x7e, 0x06), // olive
    Rgb::new(0x90, 0x60, 0x4b), // brown
    Rgb::new(0x39, 0x90, 0xd2), // sky blue
    Rgb::new(0x6f, 0x51, 0xde), // violet
    Rgb::new(0xd2, 0x0c, 0x51), // crimson
    Rgb::new(0x2d, 0x7e, 0x33), // forest green
    Rgb::new(0xd2, 0x54, 0x00), // orange
    Rgb::new(0xa5, 0x8d, 0x27), // ochre
    Rgb::new(0x00, 0x96, 0x87), // sea green
];

/// The colour of quotes that belong to no side: a neutral grey, readable in both themes, that the
/// palette keeps clear of.
pub const NO_SIDE: SideColor = SideColor { light: Rgb::new(0x77, 0x77, 0x77), dark: Rgb::new(0x77, 0x77, 0x77) };

/// The colour scheme a side colour is drawn in: the light or the dark one, whichever the system or
/// `?theme=` (`embed::Theme`) picks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
}

impl Scheme {
    pub const ALL: [Scheme; 2] = [Scheme::Light, Scheme::Dark];

    /// The theme's page background (`--bg`) and card background (`--panel`), from `style/base.css`;
    /// side colours are drawn on both. Print uses white paper, the light panel.
    pub fn backgrounds(self) -> [Rgb; 2] {
        match self {
            Scheme::Light => [Rgb::new(0xfb, 0xfa, 0xf7), Rgb::new(0xff, 0xff, 0xff)],
            Scheme::Dark => [Rgb::new(0x16, 0x17, 0x1a), Rgb::new(0x1f, 0x21, 0x25)],
        }
    }

    /// Whether `color` has at least `MIN_CONTRAST` against every background of this theme.
    pub fn is_readable(self, color: Rgb) -> bool {
        self.backgrounds().iter().all(|&bg| contrast_ratio(color, bg) >= MIN_CONTRAST)
    }
}

/// A colour in sRGB, eight bits a channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Rgb {
    pub const fn new(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b }
    }

    /// `#rgb` or `#rrggbb`, in either case; anything else is `None`, so nothing else can reach CSS.
    pub fn from_hex(s: &str) -> Option<Self> {
        let hex = s.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
        match hex.len() {
            3 => Some(Self::new(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => {
                let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
                Some(Self::new(byte(0)?, byte(2)?, byte(4)?))
            }
            _ => None,
        }
    }

    fn channels(self) -> [u8; 3] {
        [self.r, self.g, self.b]
    }

    /// The channels in linear light, from 0 to 1 (the sRGB transfer function undone).
    fn linear(self) -> [f64; 3] {
        self.channels().map(|c| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        })
    }

    /// WCAG 2 relative luminance, from 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let [r, g, b] = self.linear();
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    /// CIE L*a*b* under D65.
    fn lab(self) -> Lab {
        let [r, g, b] = self.linear();
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        const EPSILON: f64 = 216.0 / 24389.0;
        let f = |t: f64| if t > EPSILON { t.cbrt() } else { t * 24389.0 / 27.0 / 116.0 + 16.0 / 116.0 };
        let (fx, fy, fz) = (f(x), f(y), f(z));
        Lab { l: 116.0 * fy - 16.0, a: 500.0 * (fx - fy), b: 200.0 * (fy - fz) }
    }

    /// The colour moved `amount` (0 to 1) of the way toward `target` in sRGB. Toward black or white
    /// this keeps the colour's hue: every channel's distance to the target shrinks by one factor.
    fn mix(self, target: Rgb, amount: f64) -> Rgb {
        let [r, g, b] = self.channels();
        let [tr, tg, tb] = target.channels();
        let step = |c: u8, t: u8| (f64::from(c) + (f64::from(t) - f64::from(c)) * amount).round() as u8;
        Rgb::new(step(r, tr), step(g, tg), step(b, tb))
    }

    /// The closest colour of the same hue that is readable in `scheme`: darker for the light theme,
    /// lighter for the dark one. A readable colour comes back as it is.
    pub fn readable_in(self, scheme: Scheme) -> Rgb {
        let target = match scheme {
            Scheme::Light => Rgb::new(0, 0, 0),
            Scheme::Dark => Rgb::new(0xff, 0xff, 0xff),
        };
        // The luminance only moves toward the target's as the amount grows, so the first readable
        // step is the smallest change; black and white pass in their themes.
        (0..=255)
            .map(|step| self.mix(target, f64::from(step) / 255.0))
            .find(|&c| scheme.is_readable(c))
            .unwrap_or(target)
    }
}

impl fmt::Display for Rgb {
    /// `#rrggbb`, lowercase.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// WCAG 2 contrast ratio, from 1 (the same luminance) to 21 (black on white).
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The perceptual distance between two colours: CIEDE2000 ΔE.
pub fn delta_e(a: Rgb, b: Rgb) -> f64 {
    ciede2000(a.lab(), b.lab())
}

#[derive(Clone, Copy, Debug)]
struct Lab {
    l: f64,
    a: f64,
    b: f64,
}

/// CIEDE2000 with kL = kC = kH = 1, after Sharma, Wu and Dalal, "The CIEDE2000 Color-Difference
/// Formula: Implementation Notes, Supplementary Test Data, and Mathematical Observations" (2005).
fn ciede2000(x: Lab, y: Lab) -> f64 {
    let pow7 = |c: f64| c.powi(7);
    let c_bar = (x.a.hypot(x.b) + y.a.hypot(y.b)) / 2.0;
    let g = 0.5 * (1.0 - (pow7(c_bar) / (pow7(c_bar) + pow7(25.0))).sqrt());
    let (a1, a2) = ((1.0 + g) * x.a, (1.0 + g) * y.a);
    let (c1, c2) = (a1.hypot(x.b), a2.hypot(y.b));
    let hue = |a: f64, b: f64| if a == 0.0 && b == 0.0 { 0.0 } else { b.atan2(a).to_degrees().rem_euclid(360.0) };
    let (h1, h2) = (hue(a1, x.b), hue(a2, y.b));
    let chromatic = c1 * c2 != 0.0;

    let dl = y.l - x.l;
    let dc = c2 - c1;
    let dh = match h2 - h1 {
        _ if !chromatic => 0.0,
        d if d > 180.0 => d - 360.0,
        d if d < -180.0 => d + 360.0,
        d => d,
    };
    let dh_big = 2.0 * (c1 * c2).sqrt() * (dh / 2.0).to_radians().sin();

    let l_bar = (x.l + y.l) / 2.0;
    let c_bar = (c1 + c2) / 2.0;
    let h_bar = match (h1 + h2, (h1 - h2).abs()) {
        (sum, _) if !chromatic => sum,
        (sum, diff) if diff <= 180.0 => sum / 2.0,
        (sum, _) if sum < 360.0 => (sum + 360.0) / 2.0,
        (sum, _) => (sum - 360.0) / 2.0,
    };
    let cos = |deg: f64| deg.to_radians().cos();
    let t = 1.0 - 0.17 * cos(h_bar - 30.0) + 0.24 * cos(2.0 * h_bar) + 0.32 * cos(3.0 * h_bar + 6.0)
        - 0.20 * cos(4.0 * h_bar - 63.0);
    let d_theta = 30.0 * (-((h_bar - 275.0) / 25.0).powi(2)).exp();
    let r_c = 2.0 * (pow7(c_bar) / (pow7(c_bar) + pow7(25.0))).sqrt();
    let s_l = 1.0 + 0.015 * (l_bar - 50.0).powi(2) / (20.0 + (l_bar - 50.0).powi(2)).sqrt();
    let s_c = 1.0 + 0.045 * c_bar;
    let s_h = 1.0 + 0.015 * c_bar * t;
    let r_t = -(2.0 * d_theta).to_radians().sin() * r_c;
    let (l, c, h) = (dl / s_l, dc / s_c, dh_big / s_h);
    (l * l + c * c + h * h + r_t * c * h).sqrt()
}

/// A side's colour in each theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SideColor {
    pub light: Rgb,
    pub dark: Rgb,
}

impl SideColor {
    /// A side's own colour, made readable in each theme.
    pub fn own(color: Rgb) -> Self {
        Self { light: color.readable_in(Scheme::Light), dark: color.readable_in(Scheme::Dark) }
    }

    pub fn in_scheme(self, scheme: Scheme) -> Rgb {
        match scheme {
            Scheme::Light => self.light,
            Scheme::Dark => self.dark,
        }
    }

    /// The CSS custom properties for this colour; `style/base.css` sets `--side-color` from the one
    /// for the theme in force.
    pub fn css(self) -> String {
        format!("--side-color-light:{};--side-color-dark:{}", self.light, self.dark)
    }
}

/// Every side's colour, in the order of `sides`. A side that names a valid colour keeps it (made
/// readable per theme); every other side takes the first palette colour that is at least
/// `MIN_DELTA_E` from every colour already taken, in either theme. When no such colour is left (an
/// article with more sides than the palette can keep apart), it takes the palette colour farthest
/// from those taken, since the sides' line patterns still tell them apart.
pub fn side_colors(sides: &[Side]) -> Vec<SideColor> {
    let own: Vec<Option<SideColor>> =
        sides.iter().map(|s| s.color.as_deref().and_then(Rgb::from_hex).map(SideColor::own)).collect();
    let mut taken: Vec<Rgb> = own.iter().flatten().flat_map(|c| [c.light, c.dark]).collect();
    taken.extend([NO_SIDE.light, NO_SIDE.dark]);
    let mut unused: Vec<Rgb> = PALETTE.to_vec();
    own.into_iter()
        .map(|own| {
            own.unwrap_or_else(|| {
                let pick = next_palette_color(&unused, &taken);
                unused.retain(|&c| c != pick);
                taken.push(pick);
                SideColor { light: pick, dark: pick }
            })
        })
        .collect()
}

/// The first colour of `unused` far enough from every colour in `taken`, else the one farthest from
/// them; when every palette colour is in use, the farthest of the whole palette.
fn next_palette_color(unused: &[Rgb], taken: &[Rgb]) -> Rgb {
    let nearest = |c: Rgb| taken.iter().map(|&t| delta_e(c, t)).fold(f64::INFINITY, f64::min);
    let pool = if unused.is_empty() { &PALETTE[..] } else { unused };
    if let Some(&far_enough) = pool.iter().find(|&&c| nearest(c) >= MIN_DELTA_E) {
        return far_enough;
    }
    pool.iter().copied().max_by(|&a, &b| nearest(a).total_cmp(&nearest(b))).unwrap_or(PALETTE[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb(hex: &str) -> Rgb {
        Rgb::from_hex(hex).unwrap_or_else(|| panic!("{hex} is not a colour"))
    }

    fn sides(colors: &[Option<&str>]) -> Vec<Side> {
        colors
            .iter()
            .enumerate()
            .map(|(i, color)| Side { id: format!("s{i}"), label: format!("Side {i}"), color: color.map(str::to_owned) })
            .collect()
    }

    /// The hue angle in HSV, in degrees.
    fn hue(c: Rgb) -> f64 {
        let [r, g, b] = c.channels().map(f64::from);
        let (max, min) = (r.max(g).max(b), r.min(g).min(b));
        let d = max - min;
        let h = if d == 0.0 {
            0.0
        } else if max == r {
            (g - b) / d
        } else if max == g {
            (b - r) / d + 2.0
        } else {
            (r - g) / d + 4.0
        };
        (h * 60.0).rem_euclid(360.0)
    }

    /// Checks that every two of `colors` are at least `MIN_DELTA_E` apart in each theme.
    fn assert_distinct(colors: &[SideColor]) {
        for scheme in Scheme::ALL {
            for (i, a) in colors.iter().enumerate() {
                for (j, b) in colors.iter().enumerate().skip(i + 1) {
                    let d = delta_e(a.in_scheme(scheme), b.in_scheme(scheme));
                    assert!(d >= MIN_DELTA_E, "sides {i} and {j} are {d:.1} apart in {scheme:?}: {a:?} {b:?}");
                }
            }
        }
    }

    fn assert_readable(color: SideColor) {
        for scheme in Scheme::ALL {
            for bg in scheme.backgrounds() {
                let ratio = contrast_ratio(color.in_scheme(scheme), bg);
                assert!(ratio >= MIN_CONTRAST, "{color:?} has {ratio:.2}:1 on {bg} in {scheme:?}");
            }
        }
    }

    #[test]
    fn ciede2000_matches_sharmas_test_data() {
        // Pairs 1, 2, 7, 17 to 20 and 25 of Sharma, Wu and Dalal's table, with their ΔE00.
        let cases = [
            ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
            ((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485), 2.8615),
            ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
            ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
            ((50.0, 2.5, 0.0), (61.0, -5.0, 29.0), 22.8977),
            ((50.0, 2.5, 0.0), (56.0, -27.0, -3.0), 31.9030),
            ((50.0, 2.5, 0.0), (58.0, 24.0, 15.0), 19.4535),
            ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
        ];
        for ((l1, a1, b1), (l2, a2, b2), expect) in cases {
            let (x, y) = (Lab { l: l1, a: a1, b: b1 }, Lab { l: l2, a: a2, b: b2 });
            for got in [ciede2000(x, y), ciede2000(y, x)] {
                assert!((got - expect).abs() < 1e-4, "{x:?} {y:?}: {got} instead of {expect}");
            }
        }
        assert_eq!(delta_e(rgb("#1f5fa8"), rgb("#1f5fa8")), 0.0);
    }

    #[test]
    fn hex_colors_parse_and_print() {
        let cases = [
            ("#1f5fa8", Some("#1f5fa8")),
            ("#1F5FA8", Some("#1f5fa8")),
            ("#abc", Some("#aabbcc")),
            ("#000", Some("#000000")),
            ("1f5fa8", None),
            ("#1f5fa", None),
            ("#1f5fa8a8", None),
            ("#+1f5fa", None),
            ("#gggggg", None),
            ("#é1f5f", None),
            ("red; x: y", None),
            ("", None),
        ];
        for (input, expect) in cases {
            let got = Rgb::from_hex(input).map(|c| c.to_string());
            assert_eq!(got.as_deref(), expect, "{input:?}");
            assert_eq!(got.is_some(), crate::validate::is_hex_color(input), "{input:?} and is_hex_color disagree");
        }
    }

    #[test]
    fn contrast_follows_wcag() {
        let cases =
            [("#000", "#fff", 21.0), ("#777", "#777", 1.0), ("#777", "#fff", 4.48), ("#1f5fa8", "#16171a", 2.78)];
        for (a, b, expect) in cases {
            let got = contrast_ratio(rgb(a), rgb(b));
            assert!((got - expect).abs() < 0.01, "{a} on {b}: {got:.3} instead of {expect}");
        }
    }

    #[test]
    fn the_palette_is_readable_in_both_themes_and_its_colours_far_apart() {
        let mut all: Vec<SideColor> = PALETTE.iter().map(|&c| SideColor { light: c, dark: c }).collect();
        all.push(NO_SIDE);
        for &color in &all {
            assert_readable(color);
        }
        assert_distinct(&all);
        for (i, &a) in PALETTE[..8].iter().enumerate() {
            for &b in &PALETTE[i + 1..8] {
                assert!(delta_e(a, b) >= 16.0, "{a} and {b}, among the first eight, are close");
            }
        }
    }

    #[test]
    fn sides_without_a_colour_take_the_palette_in_order() {
        let got = side_colors(&sides(&[None, None, None]));
        let expect: Vec<SideColor> = PALETTE[..3].iter().map(|&c| SideColor { light: c, dark: c }).collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn the_palette_skips_a_colour_another_side_has_or_one_close_to_it() {
        let first = PALETTE[0];
        let near = Rgb::new(first.r.saturating_sub(12), first.g.saturating_add(10), first.b.saturating_add(6));
        assert!(delta_e(first, near) < MIN_DELTA_E, "the test's near colour is not close: {near}");
        for own in [first, near] {
            let hex = own.to_string();
            let got = side_colors(&sides(&[Some(&hex), None, None]));
            assert_eq!(got[0], SideColor::own(own));
            assert_ne!(got[1].light, first, "side 1 took the colour of side 0 ({hex})");
            assert_eq!(got[1..], side_colors(&sides(&[None, None, None]))[1..], "after {hex}");
            assert_distinct(&got);
        }
        // The own colour may come later in the article than the sides that take from the palette.
        let hex = near.to_string();
        let got = side_colors(&sides(&[None, Some(&hex)]));
        assert_ne!(got[0].light, first);
        assert_distinct(&got);
    }

    #[test]
    fn four_sides_two_own_colours() {
        // The article of issue #11: "Lawmakers" had no colour and was drawn in the blue that
        // "Obama administration" named.
        let article = sides(&[Some("#1f5fa8"), None, Some("#c0392b"), None]);
        let got = side_colors(&article);
        assert_eq!(got[0], SideColor { light: rgb("#1f5fa8"), dark: rgb("#1f5fa8").readable_in(Scheme::Dark) });
        assert_eq!(got[2].light, rgb("#c0392b"));
        assert_ne!(got[1].light, rgb("#1f5fa8"));
        assert!(PALETTE.contains(&got[1].light) && PALETTE.contains(&got[3].light));
        assert_distinct(&got);
        for color in got {
            assert_readable(color);
        }
    }

    #[test]
    fn twelve_sides_all_differ() {
        let none = side_colors(&sides(&[None; 12]));
        assert_distinct(&none);
        let mut mixed = [None; 12];
        mixed[2] = Some("#2e7d32");
        mixed[5] = Some("#ffd700");
        mixed[9] = Some("#000080");
        let mixed = side_colors(&sides(&mixed));
        assert_distinct(&mixed);
        for color in none.into_iter().chain(mixed) {
            assert_readable(color);
        }
    }

    #[test]
    fn more_sides_than_the_palette_still_get_readable_palette_colours() {
        let got = side_colors(&sides(&[None; 20]));
        assert_distinct(&got[..PALETTE.len()]);
        for color in &got {
            assert!(PALETTE.contains(&color.light), "{color:?}");
            assert_readable(*color);
        }
    }

    #[test]
    fn own_colours_are_made_readable_per_theme_keeping_their_hue() {
        // (own colour, whether it already passes in the light theme, in the dark theme)
        let cases = [
            ("#1f5fa8", true, false),
            ("#c0392b", true, false),
            ("#777", true, true),
            ("#ffd700", false, true),
            ("#f0f8ff", false, true),
            ("#ffffff", false, true),
            ("#000080", true, false),
            ("#202020", true, false),
            ("#000000", true, false),
        ];
        for (hex, light_ok, dark_ok) in cases {
            let own = rgb(hex);
            assert_eq!((Scheme::Light.is_readable(own), Scheme::Dark.is_readable(own)), (light_ok, dark_ok), "{hex}");
            let color = SideColor::own(own);
            assert_readable(color);
            assert_eq!(color.light == own, light_ok, "{hex} in the light theme: {}", color.light);
            assert_eq!(color.dark == own, dark_ok, "{hex} in the dark theme: {}", color.dark);
            // Darker in the light theme, lighter in the dark one, and the same hue.
            assert!(color.light.luminance() <= own.luminance() && color.dark.luminance() >= own.luminance());
            for adjusted in [color.light, color.dark] {
                let turn = (hue(adjusted) - hue(own)).abs();
                assert!(turn.min(360.0 - turn) < 2.0, "{hex} became {adjusted}");
            }
            // The least change that passes: an adjusted colour is only just readable.
            for (scheme, adjusted, ok) in [(Scheme::Light, color.light, light_ok), (Scheme::Dark, color.dark, dark_ok)]
            {
                let least =
                    scheme.backgrounds().map(|bg| contrast_ratio(adjusted, bg)).into_iter().fold(f64::MAX, f64::min);
                assert!(ok || least < MIN_CONTRAST + 0.1, "{hex} went further than needed in {scheme:?}: {least:.2}:1");
            }
        }
    }

    #[test]
    fn invalid_own_colours_fall_back_to_the_palette() {
        let got = side_colors(&sides(&[Some("red; x: y"), Some("#12"), Some(""), Some("url(x)"), Some("#1f5fa8")]));
        let from_palette: Vec<SideColor> = side_colors(&sides(&[None, None, None, None, Some("#1f5fa8")]));
        assert_eq!(got, from_palette);
        assert!(got[..4].iter().all(|c| PALETTE.contains(&c.light)));
    }

    #[test]
    fn css_carries_both_themes() {
        let color = SideColor::own(rgb("#1F5FA8"));
        assert_eq!(color.css(), format!("--side-color-light:#1f5fa8;--side-color-dark:{}", color.dark));
        assert_ne!(color.dark, color.light);
    }
}
