using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A thirtieth corpus (see <c>PrivacyHoldout30/README.md</c>), written apart from the analyzers, their
    /// rule pages and the cases of the other corpora, on the operations tooling that ships inside services:
    /// admin and back-office endpoints (impersonation, account unlocks, manual corrections), data-fix and
    /// backfill jobs run from the command line, seeders and migrations that report what they touched, debug
    /// endpoints, health checks with detailed results, feature toggles flipped by operators, support lookups
    /// by email or phone and the audit of operator actions. Graded as written with the analyzers of commit
    /// 2f44ced: 85 of 106 leaks found (80.2 %), 2 of 136 clean lines reported (1.5 %). Since, with this round's rules (inputs a framework hands over sent whole, people named by what they did or the part they play, text a person wrote, the routes an app declares, a dictionary field's keys, columns read by position, text read as a type, a compliance redactor's output, a member read from an object built in the method): 87 of 106 (82.1 %), 1 of 136 (0.7 %). The floor guards those figures (82 % recall, 0.8 % false positives).
    /// </summary>
    [Fact]
    public Task Thirtieth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout30"), "PrivacyHoldout30.Telemetry", minimumMarkers: 218,
            requiredRecall: 0.82, allowedFalsePositives: 0.008, TestFolder("PrivacyCorpus", "Shared"));
}
