using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A hundred-and-seventieth corpus (see <c>PrivacyHoldout170/README.md</c>), written apart from the analyzers
    /// and their rule pages, on recruitment agencies and background checks (candidates, referees, right-to-work and DBS
    /// checks): a trust's locum bookings from agencies, nightly DBS update service rechecks and nursing references; a
    /// school trust's supply teacher bookings, safeguarding checks (enhanced DBS, right to work) and its referee store;
    /// an energy supplier's smart meter engineer vetting, right-to-work checks from a topic keyed by engineer number and
    /// a gRPC vetting lookup for contractors' agencies; a game studio's careers portal, tech test repositories and the
    /// screening provider's webhook; a broadcaster's freelancer onboarding, editorial references and press pass vetting;
    /// a retailer's seasonal hiring through agencies, right-to-work checks at the store and its agency placements table;
    /// a bus operator's driver recruitment, DVLA licence rechecks and basic DBS checks for school-route drivers; and the
    /// generated API beside them (an operation span with typed setters, a failed-operation log event, counters and
    /// duration histograms); with the clean cases beside them (bookings, wards, schools, regions, depots, stores,
    /// vacancies, orders, request ids, statuses, workforces, outcomes, nationalities, expiry months, share code routes,
    /// penalty points, endorsements, ratings, relationships, lengths, email domains, mobile prefixes, postcode districts,
    /// pseudonyms, keyed shards, exceptions that quote nothing personal, the generated RecordException without its
    /// message). 366 marked lines. Graded as written with the analyzers of commit f77158e: 120 of 139 leaks found
    /// (86.3 %), 3 of 227 clean lines reported (1.3 %); every miss and report was checked against the decisions and
    /// stands, no marker was corrected. The floor guards these figures (85.8 % recall, 1.9 % false positives).
    /// </summary>
    [Fact]
    public Task Hundred_and_seventieth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout170"), "PrivacyHoldout170.Telemetry", minimumMarkers: 360,
            requiredRecall: 0.858, allowedFalsePositives: 0.019, TestFolder("PrivacyCorpus", "Shared"));
}
