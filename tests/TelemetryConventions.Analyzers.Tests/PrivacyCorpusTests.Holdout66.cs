using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A sixty-sixth corpus (see <c>PrivacyHoldout66/README.md</c>), written apart from the
    /// analyzers, their rule pages and the cases of the other corpora, on metrics-heavy service code:
    /// DI-registered metrics classes whose meters come from <c>IMeterFactory</c>,
    /// <c>Counter&lt;T&gt;</c>, <c>Histogram&lt;T&gt;</c>, <c>UpDownCounter&lt;T&gt;</c> and
    /// <c>Gauge&lt;T&gt;</c> with <c>TagList</c>s, <c>KeyValuePair</c> arrays and <c>params</c> tags,
    /// tag-building helpers and a dimension builder, observable gauges and counters whose callbacks
    /// return <c>Measurement&lt;T&gt;</c> with tags read from in-memory state (dictionaries keyed by
    /// entity, queues), per-entity series, the teams' metrics facades (<c>IMetrics</c>,
    /// <c>IGameMetrics</c>, <c>ISubmissionMetrics</c>, <c>ILoyaltyMetrics</c>), durations measured
    /// with <c>Stopwatch</c> and <c>ValueStopwatch</c>, exemplars under the current activity,
    /// cardinality guards (allow lists, first-seen limiters, buckets, "other") and business KPIs
    /// recorded in domain services and event handlers; beside them the generated API's counters,
    /// histograms, observable gauge, spans and log events, and the logs and span tags the same code
    /// writes. Graded as written with the analyzers of commit b5b4254:
    /// 87 of 115 leaks found (75.7 %), 1 of 172 clean lines reported (0.6 %).
    /// Since, with a metrics facade's tags judged one by one at each call and a keyed shard cut by a
    /// count the caller chooses read as a shard: 97 of 115 (84.3 %), 1 of 172 (0.6 %). The floor guards
    /// those figures (84 % recall, 1 % false positives).
    /// </summary>
    [Fact]
    public Task Sixty_sixth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout66"), "PrivacyHoldout66.Telemetry", minimumMarkers: 258,
            requiredRecall: 0.84, allowedFalsePositives: 0.01, TestFolder("PrivacyCorpus", "Shared"));
}
