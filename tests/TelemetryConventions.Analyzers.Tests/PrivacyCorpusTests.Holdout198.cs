using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A hundred-and-ninety-eighth corpus (see <c>PrivacyHoldout198/README.md</c>), written apart from the analyzers
    /// and their rule pages, on dental practices (patients and treatment plans, NHS bands and private fees, recalls and
    /// reminders by text, X-rays and charting, dentists and hygienists, payment plans).
    /// An NHS and private practice's treatment plans, X-rays, charting and FP17 claims; a dental school's student clinic and the
    /// school screening programme; an energy company's staff dental cover claims from a topic keyed by employee number; a
    /// children's toothbrushing game over gRPC with recall reminders texted to parents; a broadcaster's smile makeover
    /// contributors, before/after X-rays and fee plans; a retailer's in-store dental studios, whitening and payment plans; mobile
    /// dental units on rural routes texting recalls; and the generated API beside them, with the clean cases beside them (bands,
    /// fees, procedures, teeth and surfaces, plans, images, claims, sessions, schools, stores, routes, fleet vans, villages,
    /// counts, lengths, email domains, sort codes, pseudonyms, keyed HMAC shards, [PrivateData] parameters, records without a
    /// person and exceptions that quote nothing personal). 322 marked lines (124 leaks, 198 clean). Graded as written: 124 of
    /// 124 leaks found (100.0 %), 1 of 198 clean lines reported (0.5 %: the practice's SMS sender name, which stands as clean);
    /// no marker was corrected. The floor guards these figures (99.5 % recall, 1.01 % false positives, at least 322 marked lines).
    /// </summary>
    [Fact]
    public Task Hundred_and_ninety_eighth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout198"), "PrivacyHoldout198.Telemetry", minimumMarkers: 322,
            requiredRecall: 0.995, allowedFalsePositives: 0.0101, TestFolder("PrivacyCorpus", "Shared"));
}
