using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A hundred-and-sixty-sixth corpus (see <c>PrivacyHoldout166/README.md</c>), written apart from the analyzers
    /// and their rule pages, on sports betting, gaming and lotteries (responsible gambling, identity checks,
    /// self-exclusion): a sportsbook's bet placement with deposit limits, a consumer of the national self-exclusion
    /// scheme's registrations from a topic keyed by scheme reference, and identity and age checks; a gambling harms
    /// clinic's referrals, CBT sessions and PGSI screening; a university's gambling support cases, hardship fund and a
    /// students' union sweepstake; an energy supplier's payment plans for gambling debt, its smart meter prize draw and
    /// the priority services register; a broadcaster's phone-in competitions, gambling advert suppression and winner
    /// checks; a retailer's lottery terminal, Challenge 25 checks and prize claims; a ferry's onboard casino players'
    /// cards, exclusion sync and play sessions; and the generated API beside them (an operation span with typed setters,
    /// a failed-operation log event, counters and duration histograms); with the clean cases beside them (brands,
    /// markets, slips, limits, exclusion status codes, age bands, PGSI scores, clinics, practices, campuses, cases,
    /// regions, plans, draws, meter model prefixes, shows, entries, segments, postcode districts, stores, tills,
    /// receipts, ticket serials, vessels, venues, cabins, booking references, email domains, last digits, lengths,
    /// pseudonyms, keyed shards, exceptions that quote nothing personal, the generated RecordException without its
    /// message). 330 marked lines. Graded as written with the analyzers of commit 35bfaee: 121 of 131 leaks found
    /// (92.4 %), 2 of 199 clean lines reported (1.0 %). Four leak markers on the generated <c>RecordException</c>
    /// without <c>includeMessage</c> contradicted the collected decisions (it records no message: clean) and were
    /// corrected to clean; no code was changed. Corrected: 121 of 127 leaks (95.3 %), 2 of 203 clean lines (1.0 %).
    /// The floor guards the corrected figures (94.7 % recall, 1.5 % false positives).
    /// </summary>
    [Fact]
    public Task Hundred_and_sixty_sixth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout166"), "PrivacyHoldout166.Telemetry", minimumMarkers: 330,
            requiredRecall: 0.947, allowedFalsePositives: 0.015, TestFolder("PrivacyCorpus", "Shared"));
}
