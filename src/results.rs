//! The result list, virtualised: only the rows in and around the viewport are in the
//! DOM, and the list's padding stands in for the rest, so a 40,000-item result costs
//! what 20 rows cost. Every result is reached by scrolling (the page scrolls, not a
//! box, so keyboard, touch and find-in-page scrolling work as usual). Row heights
//! vary (snippets, chips, long titles): each rendered row is measured, and rows not
//! seen yet are assumed to be as tall as the average measured so far.
//!
//! Rows are components keyed by item id with cheap props, so rows that stay on
//! screen while scrolling are not rebuilt.

use crate::badges::{absent_chips_html, absent_from, outcome_badge_html};
use crate::i18n::{date, Lang};
use crate::state::{href, Shared};
use crate::text::marked;
use referat_core::query::{get, segments, snippet, Filter, Hit, ItemRef, View};
use std::cell::RefCell;
use std::collections::HashSet;
use std::ops::Range;
use std::rc::Rc;
use yew::prelude::*;

/// Characters of context in a search snippet.
const SNIPPET: usize = 180;
/// Height of a row (px, with the gap below it) before any row is measured.
const ROW_GUESS: f64 = 130.0;
/// Viewport height before one is known (server rendering, first render): a tablet upright.
const VIEW_GUESS: f64 = 1024.0;
/// Rows are rendered this many viewport heights above and below the viewport...
const OVERSCAN: f64 = 0.25;
/// ...and rendered again only when the viewport comes this close to the rendered edge,
/// so most scroll events change nothing.
#[cfg(target_arch = "wasm32")]
const SLACK: f64 = 0.125;

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    pub data: Shared,
    pub hits: Rc<Vec<Hit>>,
    pub filter: Filter,
    pub lang: Lang,
    /// Items with a note on this device: marked in their row.
    #[prop_or_default]
    pub noted: Rc<HashSet<ItemRef>>,
}

/// What the list knows about its rows and the viewport, kept across renders.
struct Window {
    /// Measured row heights by position in `hits`; 0 = not rendered yet.
    heights: Vec<f64>,
    /// The hits the heights belong to (a new query is a new vector).
    hits: Option<Rc<Vec<Hit>>>,
    /// Sum and count of all heights measured, for the guess at unseen rows.
    measured: (f64, f64),
    /// Sum and count of the heights measured in `heights`: with them the list's total
    /// height needs no pass over 40,000 rows.
    in_list: (f64, f64),
    /// The viewport's top relative to the list's top (negative: the list starts lower), px.
    top: f64,
    /// The viewport's height, px.
    height: f64,
    /// The rows in the DOM.
    range: Range<usize>,
    /// The page is scrolled to its end (End key, scroll bar at the bottom): show the last
    /// rows, whatever the guessed heights above them add up to.
    at_end: bool,
    /// Between `beforeprint` and `afterprint`.
    printing: bool,
}

impl Window {
    fn new() -> Window {
        Window {
            heights: Vec::new(),
            hits: None,
            measured: (0.0, 0.0),
            in_list: (0.0, 0.0),
            top: 0.0,
            height: VIEW_GUESS,
            range: 0..0,
            at_end: false,
            printing: false,
        }
    }

    fn guess(&self) -> f64 {
        let (sum, n) = self.measured;
        if n > 0.0 {
            sum / n
        } else {
            ROW_GUESS
        }
    }

    /// The height of all rows, those not measured yet at the guess.
    fn total(&self) -> f64 {
        let (sum, count) = self.in_list;
        sum + (self.heights.len() as f64 - count) * self.guess()
    }

    /// The rows that cover the viewport and `overscan` viewport heights either side.
    fn wanted(&self, overscan: f64) -> Range<usize> {
        let guess = self.guess();
        let h = |i: usize| {
            let x = self.heights[i];
            if x == 0.0 {
                guess
            } else {
                x
            }
        };
        let total = self.total();
        let span = (1.0 + 2.0 * overscan) * self.height;
        // Never past the end: a list shorter than the scroll position shows its last rows.
        let from = if self.at_end {
            total - span
        } else {
            (self.top - overscan * self.height).min(total - span)
        };
        let to = from + span;
        let (mut y, mut i) = (0.0, 0);
        while i < self.heights.len() && y + h(i) <= from {
            y += h(i);
            i += 1;
        }
        let start = i;
        while i < self.heights.len() && y < to {
            y += h(i);
            i += 1;
        }
        start..i
    }

    /// Padding above and below `range`, standing in for the rows not rendered.
    #[cfg(target_arch = "wasm32")]
    fn padding(&self, range: &Range<usize>) -> (f64, f64) {
        let guess = self.guess();
        let sum = |r: Range<usize>| -> f64 {
            self.heights[r]
                .iter()
                .map(|&x| if x == 0.0 { guess } else { x })
                .sum()
        };
        let above = sum(0..range.start);
        let below = self.total() - above - sum(range.clone());
        (above, below.max(0.0))
    }

    /// Whether the rows in the DOM still cover what the viewport needs.
    #[cfg(target_arch = "wasm32")]
    fn covered(&self) -> bool {
        let need = self.wanted(SLACK);
        need.is_empty() || (self.range.start <= need.start && need.end <= self.range.end)
    }

    /// Reads where the list is in the viewport; true if other rows must be rendered.
    #[cfg(target_arch = "wasm32")]
    fn follow(&mut self, list: &web_sys::Element) -> bool {
        self.top = -list.get_bounding_client_rect().top();
        self.height = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(VIEW_GUESS);
        let page = web_sys::window()
            .and_then(|w| Some((w.scroll_y().ok()?, w.document()?.document_element()?)));
        self.at_end = page.is_some_and(|(y, root)| {
            y > 0.0 && y + self.height >= f64::from(root.scroll_height()) - 2.0
        });
        !self.printing && !self.covered()
    }

    /// Measures the rendered rows (one layout, which the browser needs before painting anyway).
    #[cfg(target_arch = "wasm32")]
    fn measure(&mut self, list: &web_sys::Element) {
        let mut rects = Vec::with_capacity(self.range.len());
        let mut row = list.first_element_child();
        while let Some(el) = row {
            let r = el.get_bounding_client_rect();
            rects.push((r.top(), r.height()));
            row = el.next_element_sibling();
        }
        if rects.len() == self.range.len() && !self.printing {
            // The gap between rows (their margin) belongs to the row above it.
            let gap = match rects.as_slice() {
                [a, b, ..] => (b.0 - a.0 - a.1).max(0.0),
                _ => 0.0,
            };
            for (k, &(top, height)) in rects.iter().enumerate() {
                let h = match rects.get(k + 1) {
                    Some(next) => next.0 - top,
                    None => height + gap,
                };
                // A row of no height stays unmeasured (0 means "not seen"): counting it
                // would count it again at every measure.
                if h <= 0.0 {
                    continue;
                }
                let old = std::mem::replace(&mut self.heights[self.range.start + k], h);
                if old == 0.0 {
                    self.measured.1 += 1.0;
                    self.in_list.1 += 1.0;
                }
                self.measured.0 += h - old;
                self.in_list.0 += h - old;
            }
        }
    }
}

#[function_component(ResultList)]
pub fn result_list(props: &ResultListProps) -> Html {
    let t = props.lang.texts();
    let win = use_mut_ref(Window::new);
    let list = use_node_ref();
    let redraw = use_force_update();

    // Scrolling, resizing and printing move the window (the page's I/O for the list).
    {
        let (win, list, redraw) = (win.clone(), list.clone(), redraw.clone());
        use_effect_with((), move |_| listen(win, list, redraw));
    }

    let n = props.hits.len();
    let fresh = {
        let mut w = win.borrow_mut();
        let fresh = !w.hits.as_ref().is_some_and(|h| Rc::ptr_eq(h, &props.hits));
        if fresh {
            w.hits = Some(props.hits.clone());
            w.heights = vec![0.0; n];
            w.in_list = (0.0, 0.0);
            // New results are shown from their first row (the effect below scrolls there).
            w.top = w.top.min(0.0);
            w.at_end = false;
        }
        // Print has no viewport: every result is printed, however many.
        w.range = if w.printing { 0..n } else { w.wanted(OVERSCAN) };
        fresh
    };

    // After each render: scroll to new results if the list's top is out of sight, then
    // measure the rows and render again if the viewport is not covered yet.
    {
        let (win, list, redraw) = (win.clone(), list.clone(), redraw.clone());
        let focused = focused_row();
        use_effect(move || after_render(&win, &list, &redraw, fresh, focused));
    }

    if n == 0 {
        return html! { <p class="empty">{ t.no_results }</p> };
    }
    let w = win.borrow();
    let q = AttrValue::from(props.filter.text.clone());
    let filter_rc = Rc::new(props.filter.clone());
    let rows = props.hits[w.range.clone()]
        .iter()
        .enumerate()
        .map(|(k, hit)| {
            let (_, item) = get(&props.data.bundle, hit.at);
            let href = href(View::Item(item.id.clone()), &props.filter, props.lang);
            html! {
                <Row key={item.id.as_str()} data={props.data.clone()} at={hit.at} href={AttrValue::from(href)}
                    q={q.clone()} lang={props.lang} pos={w.range.start + k + 1} size={n}
                    noted={props.noted.contains(&hit.at)} filter={filter_rc.clone()} />
            }
        });
    // The rows' titles are h3; the hidden h2 keeps the outline whole where the filter
    // panel (h2) is folded away.
    html! {
        <>
        <h2 class="visually-hidden">{ props.lang.texts().results_heading }</h2>
        <ol class="results" ref={list}>
            { for rows }
        </ol>
        </>
    }
}

#[cfg(target_arch = "wasm32")]
fn listen(win: Rc<RefCell<Window>>, list: NodeRef, redraw: UseForceUpdateHandle) -> impl FnOnce() {
    use gloo::events::EventListener;
    let window = web_sys::window().expect("a window");
    let on = |name: &'static str, f: Box<dyn Fn(&mut Window) -> bool>| {
        let (win, list, redraw) = (win.clone(), list.clone(), redraw.clone());
        EventListener::new(&window, name, move |_| {
            let Some(el) = list.cast::<web_sys::Element>() else {
                return;
            };
            let mut w = win.borrow_mut();
            if f(&mut w) || w.follow(&el) {
                drop(w);
                redraw.force_update();
            }
        })
    };
    let listeners = [
        on("scroll", Box::new(|_| false)),
        on("resize", Box::new(|_| false)),
        // Print gets every row, without the padding.
        on(
            "beforeprint",
            Box::new(|w| !std::mem::replace(&mut w.printing, true)),
        ),
        on(
            "afterprint",
            Box::new(|w| std::mem::replace(&mut w.printing, false)),
        ),
    ];
    move || drop(listeners)
}

#[cfg(target_arch = "wasm32")]
fn after_render(
    win: &RefCell<Window>,
    list: &NodeRef,
    redraw: &UseForceUpdateHandle,
    fresh: bool,
    focused: Option<String>,
) {
    use wasm_bindgen::JsCast;
    let Some(el) = list.cast::<web_sys::Element>() else {
        return;
    };
    // Yew may move a kept row to a new place in the DOM when rows come and go, and a
    // moved element loses focus: give it back, so Tab goes on from where it was.
    if let Some(id) = focused {
        let doc = web_sys::window().and_then(|w| w.document());
        let lost = doc
            .as_ref()
            .and_then(|d| d.active_element())
            .is_none_or(|a| a.tag_name() == "BODY");
        if lost {
            let link = el
                .query_selector(&format!("[data-item-id=\"{id}\"] a"))
                .ok()
                .flatten()
                .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(link) = link {
                let _ = link.focus();
            }
        }
    }
    let mut w = win.borrow_mut();
    if fresh && el.get_bounding_client_rect().top() < 0.0 && !w.printing {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
    // Rows above the window that were never seen are as tall as the guess, which
    // measuring may change: move the page by as much, so the rows in view stay put
    // (the browser's own scroll anchoring is off for the list, see style.css).
    let unseen_above = w.heights[..w.range.start]
        .iter()
        .filter(|&&h| h == 0.0)
        .count();
    let guess = w.guess();
    w.measure(&el);
    let shift = (w.guess() - guess) * unseen_above as f64;
    if shift.abs() >= 0.5 && !w.printing && !fresh {
        if let Some(window) = web_sys::window() {
            window.scroll_by_with_x_and_y(0.0, shift);
        }
    }
    // The padding comes after measuring, so the page's height follows the average row
    // height as it is learnt (scrolling to the end then reaches the end). It is set
    // through the CSSOM: the page's CSP refuses style attributes.
    let (above, below) = if w.printing {
        (0.0, 0.0)
    } else {
        w.padding(&w.range)
    };
    if let Ok(style) = js_sys::Reflect::get(&el, &"style".into()) {
        for (name, px) in [("paddingTop", above), ("paddingBottom", below)] {
            let _ = js_sys::Reflect::set(&style, &name.into(), &format!("{px:.0}px").into());
        }
    }
    // At the end, stay there as the rows above are learnt and the page's height changes.
    if w.at_end && !w.printing {
        if let Some((window, root)) =
            web_sys::window().and_then(|w| Some((w.clone(), w.document()?.document_element()?)))
        {
            window.scroll_to_with_x_and_y(0.0, f64::from(root.scroll_height()));
        }
    }
    if w.follow(&el) {
        drop(w);
        redraw.force_update();
    }
}

// Server rendering (the view tests) has no viewport: the first rows as if on a tablet.
#[cfg(not(target_arch = "wasm32"))]
fn listen(_: Rc<RefCell<Window>>, _: NodeRef, _: UseForceUpdateHandle) -> impl FnOnce() {
    || ()
}

#[cfg(not(target_arch = "wasm32"))]
fn after_render(
    _: &RefCell<Window>,
    _: &NodeRef,
    _: &UseForceUpdateHandle,
    _: bool,
    _: Option<String>,
) {
}

#[cfg(not(target_arch = "wasm32"))]
fn focused_row() -> Option<String> {
    None
}

/// The item id of the row that has the focus, read before a render.
#[cfg(target_arch = "wasm32")]
fn focused_row() -> Option<String> {
    web_sys::window()?
        .document()?
        .active_element()?
        .closest("[data-item-id]")
        .ok()??
        .get_attribute("data-item-id")
}

#[derive(Properties, PartialEq)]
struct RowProps {
    data: Shared,
    at: ItemRef,
    href: AttrValue,
    /// The search text, for highlights and the snippet.
    q: AttrValue,
    lang: Lang,
    /// Position among all results (1-based) and their number, for assistive technology:
    /// only some rows are in the DOM.
    pos: usize,
    size: usize,
    noted: bool,
    /// For the absentees' links to their pages.
    filter: Rc<Filter>,
}

#[function_component(Row)]
fn row(props: &RowProps) -> Html {
    let t = props.lang.texts();
    let (m, item) = get(&props.data.bundle, props.at);
    let q = &props.q;
    let title = item.title.clone().unwrap_or_else(|| t.no_title.to_string());
    let snip = if q.trim().is_empty() {
        None
    } else {
        snippet(item, q, SNIPPET)
    };
    html! {
        <li class="result" data-item-id={item.id.clone()} aria-posinset={props.pos.to_string()} aria-setsize={props.size.to_string()}>
            <a class="result-link" href={props.href.clone()}>
                <div class="result-meta">
                    <span class="date">{ date(m.date.as_deref(), props.lang) }</span>
                    <span class="committee">{ m.committee.clone().unwrap_or_else(|| t.no_committee.to_string()) }</span>
                    if let Some(c) = &item.case_number { <span class="case">{ format!("{} {c}", t.case_number) }</span> }
                    { outcome_badge_html(item.outcome, props.lang) }
                    if props.noted { <span class="badge noted" data-noted="true">{ props.lang.pages().noted }</span> }
                </div>
                <h3 class="result-title">
                    if let Some(n) = item.number { <span class="number">{ format!("{n}. ") }</span> }
                    { marked(&segments(&title, q)) }
                </h3>
                if let Some(segs) = snip { <p class="snippet">{ marked(&segs) }</p> }
            </a>
            { absent_chips_html(&absent_from(&m.absent, &item.absent), &props.filter, props.lang) }
        </li>
    }
}
