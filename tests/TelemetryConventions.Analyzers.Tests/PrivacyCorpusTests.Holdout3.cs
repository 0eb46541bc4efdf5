using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A fourth corpus (see <c>PrivacyHoldout3/README.md</c>), written apart from the analyzers, their
    /// rule pages and the other three corpora, on the idioms of ASP.NET Core services: endpoint
    /// filters and middleware reading claims, headers and route values, model-bound records,
    /// <c>IHttpContextAccessor</c>, repositories over an Entity Framework style context, channel
    /// workers, delegating handlers, retry callbacks, caches, exception handlers, health checks and
    /// the generated API. Graded as written: 82 of 106 leaks found (77.4 %), 4 of 145 clean lines
    /// reported (2.8 %), with the analyzers of commit c74867b; 85 of 106 (80.2 %) and the same 4 after
    /// commit 1926282, which was made without it. The general gaps it showed were closed afterwards
    /// (see its README): 100 of 106 (94.3 %), then 103 of 106 (97.2 %) after the rules learnt values
    /// read by a key that names them, IP addresses and personal name words; no clean line reported.
    /// It is no longer unseen code. With exceptions that a framework hands back (a handler's parameter, a filter context's exception, a catch around the next step) and exceptions matched by type judged by what the source throws: 104 of 106 (98.1 %), 0 of 145 (0.0 %). The floor guards those figures (98 % recall, 1 % false positives).
    /// </summary>
    [Fact]
    public Task Third_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout3"), "PrivacyHoldout3.Telemetry", minimumMarkers: 160,
            requiredRecall: 0.98, allowedFalsePositives: 0.01);
}
