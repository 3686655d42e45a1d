//! Envelope reading speed, ordinary and hostile streams, at two sizes: the
//! time per byte should not grow with the size.
//!
//! ```text
//! cargo bench --bench envelope
//! ```

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use wirecopy::envelope::{self, Item, ReadOptions};

const MESSAGE: &[u8] = b"\x16\x16\x01W0101\x1fasian\nr a\x13\x11 BC-XX--Harbour-Ferry     03-14 0031\r\n\x02\
^BC-XX--Harbour Ferry,0031<\r\n^Ferry service resumes after storm<\r\n^By JANE ROE=\r\n\
\t   OAKLAND, Calif. (AP) _ Ferries ran again on Tuesday, ``at last,'' a rider said.\r\n\
\t   \x03AP-WF-03-14-17 1502GMT<\r\n\x0c\x04";

fn families(n: usize) -> Vec<(&'static str, Vec<u8>)> {
    let fill = |unit: &[u8], head: &[u8]| {
        let mut v = head.to_vec();
        while v.len() < n {
            v.extend_from_slice(unit);
        }
        v
    };
    let open = b"\x01a0001\x1fsel\nr a\x13\x11 kw     01-01 0001\r\n\x02^k<\r\n";
    vec![
        ("messages", fill(MESSAGE, b"")),
        ("soh_flood", fill(b"\x01x", b"")),
        ("noise", fill(b"garbage ", b"")),
        ("open_carets", fill(b"^abc\r\nx\r\n", open)),
        ("lone_datelines", fill(b"\t   OAKLAND (BCN)\r\n", open)),
        ("paren_heading", fill(b"(abc\n", b"\x01eca001 3 i 1\r\nk/\r\n\x02")),
    ]
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("envelope");
    g.sample_size(10);
    for n in [100_000, 1_000_000] {
        for (name, bytes) in families(n) {
            g.throughput(Throughput::Bytes(bytes.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, n), &bytes, |b, bytes| {
                b.iter(|| {
                    let mut count = 0;
                    for item in envelope::items(black_box(bytes), ReadOptions::new()) {
                        if let Item::Message(m) = item {
                            count += m.body.blocks.len();
                        }
                    }
                    count
                });
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
