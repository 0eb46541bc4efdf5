using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A sixty-seventh corpus (see <c>PrivacyHoldout67/README.md</c>), written apart from the
    /// analyzers, their rule pages and the cases of the other corpora, on tracing-heavy service code.
    /// An <c>ActivitySource</c> per component, client spans started in helpers and returned,
    /// <c>Activity.Current</c> enriched deep in call chains, batch spans linked to every message with
    /// tags on the links, <c>ActivityContext</c> and baggage carried in message headers by
    /// <c>Propagators.DefaultTextMapPropagator</c>, baggage set at the edge and read later, events
    /// with <c>ActivityTagsCollection</c>s, <c>AddException</c>/<c>RecordException</c> and status
    /// descriptions, display names from routes and operations, tagging extension helpers, span
    /// processors and samplers that read and add tags, <c>SetCustomProperty</c> read back with
    /// <c>GetCustomProperty</c>, trace state, <c>using</c> scopes in background loops, and the
    /// generated API's spans, setters, events and counters beside hand-written tags and logs. Graded
    /// as written with the analyzers of commit b5b4254: 98 of 109 leaks found (89.9 %), 5 of 165
    /// clean lines reported (3.0 %). One clean line was wrong by the helper rule of holdouts 14, 55
    /// and 64 (a call that hands a disputed tap to <c>DisputeLink</c>, which tags its card) and was
    /// corrected to a leak, and the sixteen other calls of that shape were marked the same way
    /// (fifteen leaks, one clean); graded again with the same analyzers: 110 of 125 (88.0 %), 4 of
    /// 165 (2.4 %). The floor guards those figures (88 % recall, 2.5 % false positives).
    /// </summary>
    [Fact]
    public Task Sixty_seventh_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout67"), "PrivacyHoldout67.Telemetry", minimumMarkers: 261,
            requiredRecall: 0.88, allowedFalsePositives: 0.025, TestFolder("PrivacyCorpus", "Shared"));
}
