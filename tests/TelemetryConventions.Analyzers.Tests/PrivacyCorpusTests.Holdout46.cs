using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A forty-sixth corpus (see <c>PrivacyHoldout46/README.md</c>), written apart from the analyzers,
    /// their rule pages and the cases of the other corpora, on legal, compliance and incident-response
    /// work inside organisations: incident and near-miss reports, whistleblowing reports, legal holds and
    /// e-discovery exports, notifications to regulators, breach assessments, claims and disputes against
    /// the organisation, access reviews and audit samples, and sanctions and age screening.
    /// </summary>
    [Fact]
    public Task Forty_sixth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout46"), "PrivacyHoldout46.Telemetry", minimumMarkers: 189,
            requiredRecall: 0.0, allowedFalsePositives: 1.0, TestFolder("PrivacyCorpus", "Shared"));
}
