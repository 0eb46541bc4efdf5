using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A ninety-eighth corpus (see <c>PrivacyHoldout98/README.md</c>), written apart from the analyzers
    /// and their rule pages, on admin consoles and support tooling: staff impersonation ("log in as",
    /// "view as", spectating, assisted shopping) with its operator, target, claims and justification,
    /// break-glass access and its review, support lookups of customers by email, number or card, admin
    /// actions and their audit trail with field changes, bulk edits and their row errors, back-office
    /// exports with their filters and requesters, and the console's refusals; and the generated API beside
    /// them (an admin action span and an impersonation span with typed setters, an admin-denied log event,
    /// an actions counter and an export duration histogram); with the clean cases beside them (session,
    /// grant, case, job and export ids, reason codes, actions, target types, roles, filters of things,
    /// counts, expiries, email domains, card last digits, pseudonyms, keyed shards, exceptions that quote
    /// nothing personal). 335 marked lines. Graded as written with the analyzers of commit f3d53b1: 93 of
    /// 117 leaks found (79.5 %), 3 of 218 clean lines reported (1.4 %). The floor guards those figures
    /// (79.0 % recall, 1.5 % false positives).
    /// </summary>
    [Fact]
    public Task Ninety_eighth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout98"), "PrivacyHoldout98.Telemetry", minimumMarkers: 320,
            requiredRecall: 0.79, allowedFalsePositives: 0.015, TestFolder("PrivacyCorpus", "Shared"));
}
