using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// An eighth corpus, written apart from the analyzers and from the other corpora (see
    /// PrivacyHoldout8/README.md).
    /// </summary>
    [Fact]
    public Task Eighth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout8"), "PrivacyHoldout8.Telemetry", minimumMarkers: 110,
            requiredRecall: 0.0, allowedFalsePositives: 1.0,
            TestFolder("PrivacyCorpus", "Shared"));
}
