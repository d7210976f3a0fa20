//! Arbitrary bytes through decoding and the parser: no panic, and when the bytes
//! decode, no word of the text may be missing from the meeting.
#![no_main]

use libfuzzer_sys::fuzz_target;
use referat_core::{conserve::lost_words, decode::decode, parse_minutes, Committees};

fuzz_target!(|data: &[u8]| {
    let Ok((text, _)) = decode(data.to_vec()) else { return };
    let parsed = parse_minutes(&text, "fuzz.txt", &Committees::builtin());
    let lost = lost_words(&text, &parsed.meeting);
    assert!(lost.is_empty(), "lost words {lost:?}");
});
