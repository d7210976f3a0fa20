//! Arbitrary bytes as a bundle: no panic, and an accepted bundle round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use referat_core::Bundle;

fuzz_target!(|data: &[u8]| {
    if let Ok(bundle) = Bundle::from_slice(data) {
        let again = Bundle::from_json(&bundle.to_json()).expect("a bundle we accepted must reload");
        assert_eq!(again, bundle);
    }
});
