using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A fourth corpus (see <c>PrivacyHoldout3/README.md</c>), written apart from the analyzers and
    /// from the other three, on the idioms of ASP.NET Core services.
    /// </summary>
    [Fact]
    public Task Third_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout3"), "PrivacyHoldout3.Telemetry", minimumMarkers: 160,
            requiredRecall: 0, allowedFalsePositives: 1);
}
