//! Opening a file made by `referat pack`: the light bundle first, so the list shows at
//! once; then the parts, one at a time and each between frames, inflated by the
//! browser's own `DecompressionStream` straight into wasm memory, their text added to
//! the search index as they come; at the end the full bundle replaces the light one.
//! The layout is `referat_core::packed`; its pieces' ids are in `referat_core::pack`.

use crate::inflater::{Inflater, WORKER_FAILED};
use crate::state::{Action, LoadFailure, LoadProblem, Shared};
use js_sys::{Function, Reflect, Uint8Array};
use referat_core::bundle::check_size;
use referat_core::pack::{part_id, LIGHT_ID, MANIFEST_ID};
use referat_core::packed::{self, Manifest};
use referat_core::query::FoldedPart;
use referat_core::Meeting;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, ReadableStreamDefaultReader};
use yew::Callback;

/// What the error panel names as the source.
const SOURCE: &str = "referat-pack";

#[wasm_bindgen]
extern "C" {
    /// The browser's gzip inflater (web-sys has it only behind its unstable-API flag).
    #[wasm_bindgen(js_name = DecompressionStream)]
    type Decompression;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Decompression, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &Decompression) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &Decompression) -> web_sys::WritableStream;
}

thread_local! {
    /// A rejection handler that does nothing, made once.
    static NOOP: Closure<dyn FnMut(JsValue)> = Closure::new(|_: JsValue| {});
    /// Bumped when another bundle is opened: a packed file's reading then stops.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

/// Called when another bundle has been opened, so an unfinished packed file stops (and
/// shows nothing more: neither its list nor an error).
pub fn supersede() {
    GENERATION.with(|g| g.set(g.get() + 1));
}

/// Whether this page holds a packed bundle.
pub fn is_packed(document: &Document) -> bool {
    document.get_element_by_id(MANIFEST_ID).is_some()
}

/// Starts reading the packed bundle of this page.
pub fn open(document: Document, dispatch: Callback<Action>) {
    dispatch.emit(Action::LoadStarted(SOURCE.into()));
    let generation = GENERATION.with(Cell::get);
    wasm_bindgen_futures::spawn_local(async move {
        let result = read(&document, &dispatch).await;
        if let (Err(problem), true) = (result, GENERATION.with(Cell::get) == generation) {
            dispatch.emit(Action::LoadFailed(LoadFailure {
                source: SOURCE.into(),
                problem,
            }));
        }
    });
}

async fn read(document: &Document, dispatch: &Callback<Action>) -> Result<(), LoadProblem> {
    let generation = GENERATION.with(Cell::get);
    let damaged = LoadProblem::Packed;
    let manifest_text = document
        .get_element_by_id(MANIFEST_ID)
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    let manifest =
        packed::read_manifest(&manifest_text, None).map_err(|e| damaged(e.to_string()))?;
    check_size(manifest.light_bytes).map_err(LoadProblem::Bundle)?;
    let mut inflater = None;
    let bytes = match &manifest.light {
        // A sharded archive (`referat pack --shards`): its pieces are files beside the page.
        Some(file) => {
            if web_sys::window()
                .and_then(|w| w.location().protocol().ok())
                .as_deref()
                == Some("file:")
            {
                return Err(LoadProblem::ShardsNeedServer);
            }
            inflater = Inflater::start(document).await;
            // The worker fetches and inflates the light bundle while the head is shown
            // (`k` past the parts' numbers).
            let asked = inflater.as_ref().and_then(|i| {
                i.ask_fetch(
                    manifest.parts.len(),
                    &url_of(document, file),
                    manifest.light_bytes,
                    false,
                )
            });
            if let Some(head) = &manifest.head {
                match read_head(document, head).await {
                    Ok(bundle) if GENERATION.with(Cell::get) == generation => {
                        dispatch.emit(Action::Loaded(Shared::preview(bundle, head.items)));
                    }
                    Ok(_) => return Ok(()),
                    // Only a head: the light bundle, which has all of it, follows.
                    Err(m) => gloo::console::warn!(format!("referat: {m}")),
                }
            }
            let inflated = match answered(asked).await {
                Some(answer) => answer.map(|(bytes, _)| bytes),
                None => match fetch_bytes(document, file).await {
                    Ok(gz) => inflate_gz(&gz, manifest.light_bytes).await,
                    Err(m) => Err(m),
                },
            };
            inflated.map_err(|m| damaged(format!("the light bundle ({file}): {m}")))?
        }
        None => {
            let light_el = document
                .get_element_by_id(LIGHT_ID)
                .ok_or_else(|| damaged(format!("the page has no `{LIGHT_ID}` element")))?;
            inflate(&light_el, manifest.light_bytes)
                .await
                .map_err(|m| damaged(format!("the light bundle ({LIGHT_ID}): {m}")))?
        }
    };
    let light = packed::read_light(&bytes).map_err(LoadProblem::Bundle)?;
    drop(bytes);
    let manifest = packed::read_manifest(&manifest_text, Some(light.meetings.len()))
        .map_err(|e| damaged(e.to_string()))?;
    let shown = Shared::light(light);
    if GENERATION.with(Cell::get) != generation {
        return Ok(());
    }
    dispatch.emit(Action::Loaded(shown.clone()));
    if manifest.light.is_none() {
        inflater = Inflater::start(document).await;
    }
    if let Some(((bundle, index), missing)) =
        read_parts(document, dispatch, &shown, &manifest, inflater, generation).await
    {
        let full = match bundle {
            Some(bundle) => Shared::completed(&shown, bundle, index, missing),
            None => Shared::on_demand(
                &shown,
                index,
                missing,
                crate::part_text::PartTexts::new(manifest.parts.clone()),
            ),
        };
        dispatch.emit(Action::TextLoaded { light: shown, full });
    }
    Ok(())
}

/// The full bundle (none when the text is fetched on demand) and the whole index.
type Full = (
    Option<referat_core::Bundle>,
    referat_core::query::SearchIndex,
);

/// Reads every part in turn; `None` when another bundle was opened meanwhile.
async fn read_parts(
    document: &Document,
    dispatch: &Callback<Action>,
    shown: &Shared,
    manifest: &Manifest,
    inflater: Option<Inflater>,
    generation: u32,
) -> Option<(Full, Vec<String>)> {
    let light = &shown.bundle;
    let mut index = shown.index.clone();
    let mut full: Vec<Option<Meeting>> = if manifest.text_on_demand {
        Vec::new()
    } else {
        vec![None; light.meetings.len()]
    };
    let mut missing = Vec::new();
    let total = manifest.parts.len();
    let mut told = 0;
    let mut since = now();
    let mut asked: Vec<Option<js_sys::Promise>> = vec![None; total];
    let mut next = 0;
    for (k, info) in manifest.parts.iter().enumerate() {
        let last = info.first + info.count - 1;
        // Part k goes to the inflater (when the browser has read it, or at once when it
        // is a file to fetch), and so do the next few, so it works while this thread
        // parses and indexes; only a few, so inflated parts never pile up in memory.
        while next <= k
            || (next < total
                && next < k + AHEAD
                && (manifest.parts[next].file.is_some() || read_by_browser(document, next)))
        {
            let size = manifest.parts[next].bytes;
            match (&manifest.parts[next].file, &inflater) {
                (Some(file), Some(inflater)) => {
                    asked[next] = inflater.ask_fetch(next, &url_of(document, file), size, true);
                }
                (Some(_), None) => {}
                (None, inflater) => {
                    let el = wait_for(document, &part_id(next)).await;
                    if let (Some(el), Some(inflater)) = (el, inflater) {
                        asked[next] = inflater.ask(next, &el, size);
                    }
                }
            }
            next += 1;
        }
        // Not asked (no worker, or it failed): inflated here.
        let (inflated, folded) = match (answered(asked[k].take()).await, &info.file) {
            (Some(Ok((bytes, folded))), _) => (Ok(bytes), folded),
            (Some(Err(m)), _) => (Err(m), None),
            (None, Some(file)) => match fetch_bytes(document, file).await {
                Ok(gz) => (inflate_gz(&gz, info.bytes).await, None),
                Err(m) => (Err(m), None),
            },
            (None, None) => match wait_for(document, &part_id(k)).await {
                Some(el) => (inflate(&el, info.bytes).await, None),
                None => (Err("it is not in the page".into()), None),
            },
        };
        // A file is named by what it holds and where it is; a part of the page by number.
        let place = match (&info.label, &info.file) {
            (Some(label), Some(file)) => format!("{label} ({file})"),
            (None, Some(file)) => file.clone(),
            _ => format!("part {k} (meetings {}–{last})", info.first),
        };
        let read = inflated
            .map_err(|m| format!("{place}: {m}"))
            .and_then(|bytes| packed::read_part(&bytes, light, k, info).map_err(|e| e.to_string()));
        if GENERATION.with(Cell::get) != generation {
            return None;
        }
        match read {
            Ok(meetings) => {
                // The worker's folded text and short strings, if it made them.
                let folded = folded.and_then(|k| FoldedPart::decode(&k));
                index.add_texts(info.first, &meetings, folded);
                // Text fetched on demand: indexed, then let go.
                if !manifest.text_on_demand {
                    for (j, m) in meetings.into_iter().enumerate() {
                        full[info.first + j] = Some(m);
                    }
                }
            }
            Err(message) => {
                gloo::console::error!(format!("referat: {message}"));
                missing.push(message);
            }
        }
        // Parts back to back for up to a budget, then the page's turn: each turn costs a
        // frame's work (a yield after every part made the whole 1.2 s slower at 40,000
        // items), and no input waits longer than one budget.
        if now() - since >= BUDGET_MS {
            // A progress line every tenth: each is a render of the whole page.
            if (k + 1) * 10 / total > told {
                told = (k + 1) * 10 / total;
                dispatch.emit(Action::TextProgress(k + 1, total));
            }
            yield_to_page().await;
            since = now();
        }
    }
    // Meetings in no part (or in one that failed) are searched by what the light bundle has.
    for (mi, m) in light.meetings.iter().enumerate() {
        index.add_text(mi, m);
    }
    index.finish_text();
    let bundle = (!manifest.text_on_demand).then(|| packed::assemble(light, full));
    Some(((bundle, index), missing))
}

/// The worker's answer to `asked` (the bytes, and a part folded when it could); `None`
/// when it was not asked or has failed (the piece is then read on this thread).
async fn answered(
    asked: Option<js_sys::Promise>,
) -> Option<Result<(Vec<u8>, Option<Vec<u8>>), String>> {
    match Inflater::answer(asked?).await {
        Err(m) if m == WORKER_FAILED => None,
        answer => Some(answer),
    }
}

/// A sharded archive's head ([`referat_core::packed::Head`]), fetched and read here: it is small.
async fn read_head(
    document: &Document,
    head: &referat_core::packed::Head,
) -> Result<referat_core::Bundle, String> {
    let place = |m: String| format!("the head ({}): {m}", head.file);
    let gz = fetch_bytes(document, &head.file).await.map_err(place)?;
    let bytes = inflate_gz(&gz, head.bytes).await.map_err(place)?;
    packed::read_light(&bytes).map_err(|e| place(e.to_string()))
}

/// Parts handed to the inflater ahead of the one being indexed.
const AHEAD: usize = 3;

/// The browser has read all of part `k`'s element.
fn read_by_browser(document: &Document, k: usize) -> bool {
    matches!(finished(document, &part_id(k)), Some(Some(_)))
}

/// `Some(element)` once the browser has read all of it (the next node exists, or the
/// page is read), `Some(None)` when the page is read and has no such element, `None`
/// while it may still come.
fn finished(document: &Document, id: &str) -> Option<Option<Element>> {
    let loaded = document.ready_state() != "loading";
    match document.get_element_by_id(id) {
        Some(el) if loaded || el.next_sibling().is_some() => Some(Some(el)),
        None if loaded => Some(None),
        _ => None,
    }
}

/// The element once the browser has read all of it; `None` when the page is read and
/// has no such element.
pub(crate) async fn wait_for(document: &Document, id: &str) -> Option<Element> {
    loop {
        match finished(document, id) {
            Some(el) => return el,
            None => sleep(10).await,
        }
    }
}

/// The base64 text of `el`, gzip-inflated, refused beyond `declared` bytes.
async fn inflate(el: &Element, declared: usize) -> Result<Vec<u8>, String> {
    let text = Reflect::get(el, &JsValue::from_str("textContent")).map_err(js_message)?;
    inflate_gz(&from_base64(&text)?, declared).await
}

/// `file` of a sharded archive as a full URL, beside the page.
fn url_of(document: &Document, file: &str) -> String {
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base(file, &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| file.to_string())
}

/// The bytes of `file` beside the page (through the browser's HTTP cache).
pub(crate) async fn fetch_bytes(document: &Document, file: &str) -> Result<Uint8Array, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(&url_of(document, file)))
            .await
            .map_err(|e| format!("it could not be fetched ({})", js_message(e)))?
            .unchecked_into();
    if !response.ok() {
        return Err(format!("the server answered HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(js_message)?)
        .await
        .map_err(|e| format!("it could not be fetched ({})", js_message(e)))?;
    Ok(Uint8Array::new(&buffer))
}

/// gzip bytes inflated, refused beyond `declared` bytes.
pub(crate) async fn inflate_gz(gz: &Uint8Array, declared: usize) -> Result<Vec<u8>, String> {
    // The bytes are written into the inflater directly: a `Blob`'s stream is read through
    // the browser's blob store, which cost about 10 ms a part (measured: 327 parts took
    // 2.3 s through blobs, 0.37 s written directly).
    let inflater = Decompression::new("gzip").map_err(js_message)?;
    let writer = inflater.writable().get_writer().map_err(js_message)?;
    // Their promises reject when the data is damaged; the reader below says so.
    NOOP.with(|noop| {
        let _ = writer.write_with_chunk(gz).catch(noop);
        let _ = writer.close().catch(noop);
    });
    let reader: ReadableStreamDefaultReader = inflater.readable().get_reader().unchecked_into();
    let limit = declared.min(referat_core::MAX_BUNDLE_BYTES);
    // Reserved as the data comes, not from the manifest's word alone (wasm memory never
    // shrinks), beyond a first 16 MB.
    let mut out: Vec<u8> = Vec::with_capacity(limit.min(1 << 24));
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|e| format!("the compressed data is damaged ({})", js_message(e)))?;
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value: Uint8Array = Reflect::get(&chunk, &JsValue::from_str("value"))
            .map_err(js_message)?
            .unchecked_into();
        let n = value.length() as usize;
        if out.len() + n > limit {
            let _ = reader.cancel();
            return Err(format!(
                "it inflates to more than the {declared} bytes the manifest gives"
            ));
        }
        let at = out.len();
        out.resize(at + n, 0);
        value.copy_to(&mut out[at..]);
    }
    if out.len() != declared {
        return Err(format!(
            "it inflates to {} bytes; the manifest gives {declared}",
            out.len()
        ));
    }
    Ok(out)
}

/// Base64 to bytes with the browser's `Uint8Array.fromBase64` where it has one, else in Rust.
fn from_base64(text: &JsValue) -> Result<Uint8Array, String> {
    let class =
        Reflect::get(&js_sys::global(), &JsValue::from_str("Uint8Array")).map_err(js_message)?;
    let native = Reflect::get(&class, &JsValue::from_str("fromBase64")).ok();
    if let Some(f) = native.and_then(|f| f.dyn_into::<Function>().ok()) {
        return f
            .call1(&class, text)
            .map(JsCast::unchecked_into)
            .map_err(|e| format!("not base64 ({})", js_message(e)));
    }
    use base64::Engine;
    let text = text.as_string().unwrap_or_default();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .map_err(|e| format!("not base64 ({e})"))?;
    Ok(Uint8Array::from(&bytes[..]))
}

pub(crate) fn js_message(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// How long the parts are read before the page gets a turn.
const BUDGET_MS: f64 = 30.0;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Lets the page handle input and paint before the next part: `scheduler.yield()` where
/// the browser has it (a chain of `setTimeout(0)` is held to 4 ms a step after five).
async fn yield_to_page() {
    let scheduler = Reflect::get(&js_sys::global(), &JsValue::from_str("scheduler")).ok();
    let promise = scheduler.as_ref().and_then(|s| {
        let f = Reflect::get(s, &JsValue::from_str("yield")).ok()?;
        f.dyn_into::<Function>().ok()?.call0(s).ok()
    });
    match promise.and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) {
        Some(p) => {
            let _ = JsFuture::from(p).await;
        }
        None => sleep(0).await,
    }
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}
