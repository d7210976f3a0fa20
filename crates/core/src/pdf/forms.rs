//! A guard before reading: pdf-extract draws a form XObject by recursing into it with
//! no limit, so a form that draws itself (directly or through others) overflows the
//! stack, which no `catch_unwind` can catch. Such a document is refused first.

use pdf_extract::{Dictionary, Document, Object, ObjectId};
use std::collections::{HashMap, HashSet};

/// How deep forms may nest before the document is taken for hostile. Real documents
/// nest two or three.
const MAX_DEPTH: usize = 32;

/// Whether some form XObject draws itself, or forms nest deeper than [`MAX_DEPTH`].
pub(crate) fn draw_themselves(doc: &Document) -> bool {
    // Each form's id -> the forms its resources name.
    let mut edges: HashMap<ObjectId, Vec<ObjectId>> = HashMap::new();
    for (&id, object) in &doc.objects {
        let Object::Stream(stream) = object else {
            continue;
        };
        let is_form = stream
            .dict
            .get(b"Subtype")
            .ok()
            .and_then(|s| s.as_name().ok())
            == Some(b"Form".as_slice());
        if is_form {
            edges.insert(id, named_xobjects(doc, &stream.dict));
        }
    }
    // Depth-first from each form, with the path so far: a form met again on its own path
    // is a cycle.
    let mut done: HashSet<ObjectId> = HashSet::new();
    for &start in edges.keys() {
        if done.contains(&start) {
            continue;
        }
        let mut path: Vec<(ObjectId, usize)> = vec![(start, 0)];
        let mut on_path: HashSet<ObjectId> = HashSet::from([start]);
        while let Some(&(node, next)) = path.last() {
            let children = edges.get(&node).map_or(&[][..], Vec::as_slice);
            if let Some(&child) = children.get(next) {
                path.last_mut().expect("not empty").1 += 1;
                if !edges.contains_key(&child) || done.contains(&child) {
                    continue;
                }
                if on_path.contains(&child) || path.len() >= MAX_DEPTH {
                    return true;
                }
                on_path.insert(child);
                path.push((child, 0));
            } else {
                on_path.remove(&node);
                done.insert(node);
                path.pop();
            }
        }
    }
    false
}

/// The objects a form's `/Resources /XObject` dictionary names.
fn named_xobjects(doc: &Document, dict: &Dictionary) -> Vec<ObjectId> {
    let Some(Object::Dictionary(resources)) =
        dict.get(b"Resources").ok().and_then(|o| resolve(doc, o))
    else {
        return Vec::new();
    };
    let Some(Object::Dictionary(xobjects)) =
        resources.get(b"XObject").ok().and_then(|o| resolve(doc, o))
    else {
        return Vec::new();
    };
    xobjects
        .iter()
        .filter_map(|(_, o)| o.as_reference().ok())
        .collect()
}

/// An object, or the object a reference points to.
fn resolve<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    match object {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}
