using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A ninety-fourth corpus (see <c>PrivacyHoldout94/README.md</c>), written apart from the analyzers
    /// and their rule pages, on contact-data hygiene inside services: postal address validation with
    /// verdicts, suggestions and standardised addresses, postcode lookup, phone numbers parsed and
    /// normalised to E.164 with a libphonenumber-like utility (number types, region codes, formats),
    /// email verification (syntax, MX, disposable domains, SMTP probes, verification tokens and links),
    /// name parsing and casing, duplicate detection with match keys, fuzzy scores and candidate pairs,
    /// merges and third-party enrichment, and the errors those libraries throw; and the generated API beside
    /// them (a check span with typed setters, a check-failed log event, a checks counter and a duration
    /// histogram, the <c>redact</c> contact constants); with the clean cases beside them (verdicts,
    /// confidences, match levels, region codes, number types, country prefixes, email domains, MX hosts,
    /// postcode districts, token ids and expiries, scores, rules, counts, pseudonyms, keyed shards,
    /// exceptions that quote nothing personal). 283 marked lines.
    /// Graded as written with the analyzers of commit 696debf: 91 of 112 leaks found (81.3 %), 3 of 171
    /// clean lines reported (1.8 %). The floor guards those figures (81.0 % recall, 2.0 % false positives).
    /// Since, with an anonymous object's member named for a contact judged by the count it holds: 91 of 112 (81.3 %), 2 of 171 (1.2 %).
    /// Then, with street address lines: 92 of 112 (82.1 %), 2 of 171 (1.2 %).
    /// </summary>
    [Fact]
    public Task Ninety_fourth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout94"), "PrivacyHoldout94.Telemetry", minimumMarkers: 275,
            requiredRecall: 0.81, allowedFalsePositives: 0.02, TestFolder("PrivacyCorpus", "Shared"));
}
