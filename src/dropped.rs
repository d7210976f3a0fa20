//! The files of a drop on the page, with dropped folders walked (as `referat ingest`
//! walks them: recursively, by name, only minutes files). I/O, used only by the root.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DataTransfer, File, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry};

/// The extensions taken from a dropped folder.
const MINUTES: &[&str] = &[".pdf", ".txt", ".html", ".htm"];

/// The dropped entries. Must run inside the drop event: the browser empties the
/// transfer after it. `None` when the browser gives no entries (then its file list is
/// all there is).
pub fn entries(transfer: &DataTransfer) -> Option<Vec<FileSystemEntry>> {
    let items = transfer.items();
    let mut out = Vec::new();
    for i in 0..items.length() {
        let entry = items.get(i)?.webkit_get_as_entry().ok()??;
        out.push(entry);
    }
    Some(out).filter(|e| !e.is_empty())
}

/// Whether any dropped entry is a folder.
pub fn has_folder(entries: &[FileSystemEntry]) -> bool {
    entries.iter().any(FileSystemEntry::is_directory)
}

/// Whether a file from a folder is minutes referat reads (`.pdf`, `.txt`, `.html`).
pub fn is_minutes(name: &str) -> bool {
    let name = name.to_lowercase();
    MINUTES.iter().any(|x| name.ends_with(x))
}

/// The files under `entries`: files as dropped, folders walked depth first, their
/// entries in name order and only minutes files (`.pdf`, `.txt`, `.html`). `None` when
/// the browser refuses to list a folder (Chromium does for a page opened from a file).
pub async fn files(entries: Vec<FileSystemEntry>) -> Option<Vec<File>> {
    let mut out = Vec::new();
    // (entry, from a folder) on a stack, last first so the walk keeps the order.
    let mut stack: Vec<(FileSystemEntry, bool)> =
        entries.into_iter().rev().map(|e| (e, false)).collect();
    while let Some((entry, in_folder)) = stack.pop() {
        if entry.is_directory() {
            let mut children = read_folder(entry.unchecked_into()).await?;
            children.sort_by_key(FileSystemEntry::name);
            stack.extend(children.into_iter().rev().map(|e| (e, true)));
        } else {
            if in_folder && !is_minutes(&entry.name()) {
                continue;
            }
            if let Some(file) = file_of(entry.unchecked_into()).await {
                out.push(file);
            }
        }
    }
    Some(out)
}

async fn read_folder(folder: FileSystemDirectoryEntry) -> Option<Vec<FileSystemEntry>> {
    let reader = folder.create_reader();
    let mut all = Vec::new();
    // `readEntries` gives a batch at a time, and an empty one at the end.
    loop {
        let batch = Promise::new(&mut |resolve: Function, reject: Function| {
            if let Err(e) = reader.read_entries_with_callback_and_callback(&resolve, &reject) {
                let _ = reject.call1(&wasm_bindgen::JsValue::NULL, &e);
            }
        });
        let batch: Array = JsFuture::from(batch).await.ok()?.unchecked_into();
        if batch.length() == 0 {
            break;
        }
        all.extend(batch.iter().map(|e| e.unchecked_into::<FileSystemEntry>()));
    }
    Some(all)
}

async fn file_of(entry: FileSystemFileEntry) -> Option<File> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        entry.file_with_callback_and_callback(&resolve, &reject);
    });
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}
