//! Bar charts drawn as SVG by the app (no chart library): absences per quarter and
//! outcomes per year. A series is one `<path>` (a bar per subpath), so a chart of a
//! century of quarters is a few DOM nodes: drawn as a `<rect>` per bar with a tooltip,
//! a committee's chart was a third of its page's render time at 40,000 items. The
//! numbers behind the bars are in `data-labels`/`data-counts`, in the `aria-label`, and
//! in a table that "Vis tallene" opens (rendered only when open, for the same reason).

use crate::i18n::Lang;
use referat_core::aggregate::{Quarter, YearOutcomes};
use referat_core::Outcome;
use std::fmt::Write;
use yew::prelude::*;

const HEIGHT: f64 = 120.0;
const WIDTH: f64 = 640.0;
/// Room under the bars for the axis labels.
const AXIS: f64 = 18.0;

#[derive(Properties, PartialEq)]
pub struct QuartersProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub quarters: Vec<Quarter>,
    pub lang: Lang,
}

/// One bar a quarter, oldest first, a year label under each first quarter.
#[function_component(QuarterChart)]
pub fn quarter_chart(props: &QuartersProps) -> Html {
    let (p, lang) = (props.lang.pages(), props.lang);
    let open = use_state(|| false);
    let qs = &props.quarters;
    if qs.is_empty() {
        return html! { <p class="empty">{ p.chart_none }</p> };
    }
    let label = |q: &Quarter| match lang {
        Lang::Da => format!("{} K{}", q.year, q.quarter),
        Lang::En => format!("{} Q{}", q.year, q.quarter),
    };
    let max = qs.iter().map(|q| q.items).max().unwrap_or(0).max(1) as f64;
    let step = WIDTH / qs.len() as f64;
    let mut d = String::new();
    for (i, q) in qs.iter().enumerate() {
        bar(
            &mut d,
            i as f64 * step + step * 0.1,
            step * 0.8,
            HEIGHT,
            q.items as f64 / max * HEIGHT,
        );
    }
    let labels: Vec<String> = qs.iter().map(label).collect();
    let counts: Vec<String> = qs.iter().map(|q| q.items.to_string()).collect();
    let total: usize = qs.iter().map(|q| q.items).sum();
    let most = qs
        .iter()
        .max_by_key(|q| q.items)
        .map(label)
        .unwrap_or_default();
    let summary = format!(
        "{}: {total} {}, {} {most}",
        props.title,
        p.items.to_lowercase(),
        p.most_in
    );
    let years = qs.iter().enumerate().filter(|(i, q)| q.quarter == 1 || *i == 0).map(|(i, q)| {
        html! { <text class="axis" x={fmt(i as f64 * step)} y={fmt(HEIGHT + AXIS - 4.0)}>{ q.year }</text> }
    });
    html! {
        <figure class="chart" id={props.id.clone()}>
            <svg viewBox={format!("0 0 {WIDTH} {}", HEIGHT + AXIS)} role="img" aria-label={summary} preserveAspectRatio="none">
                <line class="baseline" x1="0" y1={fmt(HEIGHT)} x2={fmt(WIDTH)} y2={fmt(HEIGHT)} />
                <path class="bars" d={d} data-labels={labels.join(",")} data-counts={counts.join(",")} />
                { for years }
            </svg>
            <figcaption>{ props.title.clone() }{ " " }{ numbers_toggle(&open, p) }</figcaption>
            if *open {
                <table class="table numbers">
                    <caption>{ props.title.clone() }</caption>
                    <tbody>
                        { for qs.iter().filter(|q| q.items > 0).map(|q| html! {
                            <tr><th scope="row">{ label(q) }</th><td class="num">{ q.items }</td></tr>
                        }) }
                    </tbody>
                </table>
            }
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct OutcomesProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub years: Vec<YearOutcomes>,
    pub lang: Lang,
}

/// One stacked bar a year, a path per outcome, with a legend.
#[function_component(OutcomeChart)]
pub fn outcome_chart(props: &OutcomesProps) -> Html {
    let (p, lang) = (props.lang.pages(), props.lang);
    let open = use_state(|| false);
    let years = &props.years;
    if years.is_empty() {
        return html! { <p class="empty">{ p.no_dated_items }</p> };
    }
    let max = years.iter().map(|y| y.total()).max().unwrap_or(0).max(1) as f64;
    let step = WIDTH / years.len() as f64;
    let present: Vec<Outcome> = Outcome::ALL
        .into_iter()
        .filter(|o| years.iter().any(|y| y.count(*o) > 0))
        .collect();
    // Stacked in the order of `present`, from the baseline up.
    let mut paths: Vec<String> = vec![String::new(); present.len()];
    for (i, y) in years.iter().enumerate() {
        let mut base = HEIGHT;
        for (k, o) in present.iter().enumerate() {
            let h = y.count(*o) as f64 / max * HEIGHT;
            bar(
                &mut paths[k],
                i as f64 * step + step * 0.15,
                step * 0.7,
                base,
                h,
            );
            base -= h;
        }
    }
    let year_list: Vec<String> = years.iter().map(|y| y.year.to_string()).collect();
    let total: usize = years.iter().map(|y| y.total()).sum();
    let summary = format!(
        "{}: {total} {}, {}–{}",
        props.title,
        p.items.to_lowercase(),
        years[0].year,
        years[years.len() - 1].year
    );
    html! {
        <figure class="chart" id={props.id.clone()} data-years={year_list.join(",")}>
            <svg viewBox={format!("0 0 {WIDTH} {}", HEIGHT + AXIS)} role="img" aria-label={summary} preserveAspectRatio="none">
                <line class="baseline" x1="0" y1={fmt(HEIGHT)} x2={fmt(WIDTH)} y2={fmt(HEIGHT)} />
                { for present.iter().zip(&paths).map(|(o, d)| {
                    let counts: Vec<String> = years.iter().map(|y| y.count(*o).to_string()).collect();
                    html! {
                        <path class={classes!("seg", format!("outcome-{}", o.as_str()))} d={d.clone()}
                            data-outcome={o.as_str()} data-counts={counts.join(",")} />
                    }
                }) }
                { for years.iter().enumerate().map(|(i, y)| html! {
                    <text class="axis" x={fmt(i as f64 * step + step * 0.15)} y={fmt(HEIGHT + AXIS - 4.0)}>{ y.year }</text>
                }) }
            </svg>
            <figcaption>
                { props.title.clone() }{ " " }{ numbers_toggle(&open, p) }
                <ul class="legend">
                    { for present.iter().map(|o| html! {
                        <li class={classes!(format!("outcome-{}", o.as_str()))}><span class="swatch" aria-hidden="true"></span>{ lang.outcome(*o) }</li>
                    }) }
                </ul>
            </figcaption>
            if *open {
                <table class="table numbers">
                    <caption>{ props.title.clone() }</caption>
                    <thead><tr><th scope="col">{ p.year }</th>{ for present.iter().map(|o| html! { <th scope="col" class="num">{ lang.outcome(*o) }</th> }) }</tr></thead>
                    <tbody>
                        { for years.iter().map(|y| html! {
                            <tr><th scope="row">{ y.year }</th>{ for present.iter().map(|o| html! { <td class="num">{ y.count(*o) }</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
            }
        </figure>
    }
}

/// "Vis tallene": opens the table of the chart's numbers.
fn numbers_toggle(open: &UseStateHandle<bool>, p: &crate::i18n_pages::Pages) -> Html {
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <button type="button" class="button small secondary numbers-toggle" aria-expanded={open.to_string()} onclick={toggle}>
            { if **open { p.hide_numbers } else { p.show_numbers } }
        </button>
    }
}

/// A bar of height `h` standing on `base`, as a closed subpath; nothing for a zero bar.
fn bar(d: &mut String, x: f64, w: f64, base: f64, h: f64) {
    if h > 0.0 {
        let _ = write!(d, "M{x:.1} {base:.1}h{w:.1}v{:.1}h{:.1}Z", -h, -w);
    }
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}
