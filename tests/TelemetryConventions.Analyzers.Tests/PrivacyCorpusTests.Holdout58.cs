using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A fifty-eighth corpus (see <c>PrivacyHoldout58/README.md</c>), written apart from the analyzers,
    /// their rule pages and the cases of the other corpora, on exceptions and failure reporting: domain
    /// exception hierarchies whose messages and properties name people, <c>Exception.Data</c> added on
    /// the way up, first-pass exception filters, <c>AggregateException</c>s, rethrows with
    /// <c>ExceptionDispatchInfo</c>, wrapped inner exceptions, the framework's argument and lookup
    /// exceptions, exception handlers writing problem details, Sentry- and Raygun-shaped error
    /// reporters, and the clean cases beside them. Graded as written with the analyzers of commit
    /// bc22de8: 65 of 107 leaks found (60.7 %), 7 of 170 clean lines reported (4.1 %). The floor guards
    /// those figures (60 % recall, 5 % false positives).
    /// </summary>
    [Fact]
    public Task Fifty_eighth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout58"), "PrivacyHoldout58.Telemetry", minimumMarkers: 249,
            requiredRecall: 0.60, allowedFalsePositives: 0.05, TestFolder("PrivacyCorpus", "Shared"));
}
