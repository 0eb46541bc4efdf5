using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A seventy-first corpus (see <c>PrivacyHoldout71/README.md</c>), written apart from the
    /// analyzers, their rule pages and the cases of the other corpora, on event-driven integration
    /// with CloudEvents and webhooks: CloudEvents envelopes (<c>id</c>, <c>source</c>, <c>type</c>,
    /// <c>subject</c>, extension attributes such as <c>partitionkey</c>) in structured and binary
    /// content modes, an event catalog of typed payload records, outgoing webhook deliveries with
    /// signatures, retries, delivery logs and replays, incoming webhooks with signature verification,
    /// idempotency stores and schema validation whose errors quote fields, routing tables and
    /// dead-lettered events, ending in the generated API, logs, tags, baggage, events and metric tags;
    /// with the clean cases beside them (random event ids, subjects and partition keys of things,
    /// keyed signatures, partner codes, delivery ids, schema keywords, pseudonyms, masks, partners'
    /// remote addresses). Graded as written with the analyzers of commit a5cb1c9: 69 of 92 leaks
    /// found (75.0 %), 21 of 191 clean lines reported (11.0 %), two leak markers in an unreachable
    /// catch corrected to clean (as printed: 69 of 94, 21 of 189). Since, with a bare <c>Owner</c> no
    /// longer read as a person (eleven of the clean lines reported were partners', studios' and
    /// practices' codes held so): 68 of 92 (73.9 %), 10 of 191 (5.2 %). The floor guards those figures
    /// (73 % recall, 5.5 % false positives).
    /// </summary>
    [Fact]
    public Task Seventy_first_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout71"), "PrivacyHoldout71.Telemetry", minimumMarkers: 255,
            requiredRecall: 0.73, allowedFalsePositives: 0.055, TestFolder("PrivacyCorpus", "Shared"));
}
