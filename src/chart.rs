//! Bar charts drawn as SVG by the app (no chart library): absences per quarter and
//! outcomes per year. Each bar carries its count (`data-count`); a visually hidden table
//! gives the same numbers to a screen reader. Bars have no `<title>` tooltips: a tablet
//! has no hover, and at 40,000 items they were a third of a committee page's render time.

use crate::i18n::Lang;
use referat_core::aggregate::{Quarter, YearOutcomes};
use referat_core::Outcome;
use yew::prelude::*;

const HEIGHT: f64 = 120.0;
const WIDTH: f64 = 640.0;
/// Room under the bars for the axis labels.
const AXIS: f64 = 18.0;

/// Absences per quarter: one bar a quarter, a year label under each first quarter.
pub fn quarters(id: &str, title: &str, quarters: &[Quarter], lang: Lang) -> Html {
    let p = lang.pages();
    if quarters.is_empty() {
        return html! { <p class="empty">{ p.chart_none }</p> };
    }
    let max = quarters.iter().map(|q| q.items).max().unwrap_or(0).max(1) as f64;
    let step = WIDTH / quarters.len() as f64;
    let label = |q: &Quarter| match lang {
        Lang::Da => format!("{} K{}", q.year, q.quarter),
        Lang::En => format!("{} Q{}", q.year, q.quarter),
    };
    let bars = quarters.iter().enumerate().map(|(i, q)| {
        let h = q.items as f64 / max * HEIGHT;
        let x = i as f64 * step;
        html! {
            <g>
                <rect class="bar" x={fmt(x + step * 0.1)} y={fmt(HEIGHT - h)} width={fmt(step * 0.8)} height={fmt(h)}
                    data-label={label(q)} data-count={q.items.to_string()} />
                if q.quarter == 1 || i == 0 {
                    <text class="axis" x={fmt(x)} y={fmt(HEIGHT + AXIS - 4.0)}>{ q.year.to_string() }</text>
                }
            </g>
        }
    });
    html! {
        <figure class="chart" id={id.to_string()}>
            <svg viewBox={format!("0 0 {WIDTH} {}", HEIGHT + AXIS)} role="img" aria-label={title.to_string()} preserveAspectRatio="none">
                <line class="baseline" x1="0" y1={fmt(HEIGHT)} x2={fmt(WIDTH)} y2={fmt(HEIGHT)} />
                { for bars }
            </svg>
            <figcaption>{ title.to_string() }</figcaption>
            <table class="visually-hidden">
                <caption>{ title.to_string() }</caption>
                <tbody>
                    { for quarters.iter().map(|q| html! { <tr><th scope="row">{ label(q) }</th><td>{ q.items }</td></tr> }) }
                </tbody>
            </table>
        </figure>
    }
}

/// Outcomes per year: one stacked bar a year, a segment per outcome, with a legend.
pub fn outcomes(id: &str, title: &str, years: &[YearOutcomes], lang: Lang) -> Html {
    let p = lang.pages();
    if years.is_empty() {
        return html! { <p class="empty">{ p.chart_none }</p> };
    }
    let max = years.iter().map(|y| y.total()).max().unwrap_or(0).max(1) as f64;
    let step = WIDTH / years.len() as f64;
    let present: Vec<Outcome> = Outcome::ALL
        .into_iter()
        .filter(|o| years.iter().any(|y| y.count(*o) > 0))
        .collect();
    let bars = years.iter().enumerate().map(|(i, y)| {
        let x = i as f64 * step;
        let mut top = HEIGHT;
        let segments = present.iter().filter(|o| y.count(**o) > 0).map(|o| {
            let h = y.count(*o) as f64 / max * HEIGHT;
            top -= h;
            html! {
                <rect class={classes!("seg", format!("outcome-{}", o.as_str()))} x={fmt(x + step * 0.15)} y={fmt(top)}
                    width={fmt(step * 0.7)} height={fmt(h)} data-outcome={o.as_str()} data-count={y.count(*o).to_string()} />
            }
        });
        html! {
            <g data-year={y.year.to_string()} data-total={y.total().to_string()}>
                { for segments }
                <text class="axis" x={fmt(x + step * 0.15)} y={fmt(HEIGHT + AXIS - 4.0)}>{ y.year.to_string() }</text>
            </g>
        }
    });
    html! {
        <figure class="chart" id={id.to_string()}>
            <svg viewBox={format!("0 0 {WIDTH} {}", HEIGHT + AXIS)} role="img" aria-label={title.to_string()} preserveAspectRatio="none">
                <line class="baseline" x1="0" y1={fmt(HEIGHT)} x2={fmt(WIDTH)} y2={fmt(HEIGHT)} />
                { for bars }
            </svg>
            <figcaption>
                { title.to_string() }
                <ul class="legend">
                    { for present.iter().map(|o| html! {
                        <li class={classes!(format!("outcome-{}", o.as_str()))}><span class="swatch" aria-hidden="true"></span>{ lang.outcome(*o) }</li>
                    }) }
                </ul>
            </figcaption>
            <table class="visually-hidden">
                <caption>{ title.to_string() }</caption>
                <thead><tr><th scope="col">{ p.date }</th>{ for present.iter().map(|o| html! { <th scope="col">{ lang.outcome(*o) }</th> }) }</tr></thead>
                <tbody>
                    { for years.iter().map(|y| html! {
                        <tr><th scope="row">{ y.year }</th>{ for present.iter().map(|o| html! { <td>{ y.count(*o) }</td> }) }</tr>
                    }) }
                </tbody>
            </table>
        </figure>
    }
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}
