//! Arbitrary URL hashes: no panic, and formatting what was parsed is stable.
#![no_main]

use libfuzzer_sys::fuzz_target;
use referat_core::query::Route;

fuzz_target!(|data: &[u8]| {
    let Ok(hash) = std::str::from_utf8(data) else { return };
    let route = Route::parse(hash);
    let again = Route::parse(&route.to_hash());
    assert_eq!(again, route, "hash {hash:?} gave {:?}", route.to_hash());
});
