using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A hundred-and-sixty-ninth corpus (see <c>PrivacyHoldout169/README.md</c>), written apart from the analyzers
    /// and their rule pages, on charities and fundraising (donors, Gift Aid declarations, legacies, beneficiaries):
    /// a hospital charity's grateful-patient gifts, tribute funds and patient welfare grants; a university's alumni
    /// telethon pledges, hardship fund applications from a topic keyed by student number and monthly Gift Aid claims;
    /// an energy supplier's trust grants for customers in debt, round-up pledges on bills and a fuel bank's supply
    /// lookups over gRPC; a game studio's charity stream donation alerts, charity bundle and sponsored-play marathon;
    /// a broadcaster's telethon phone pledges, subscribers' monthly giving and executors' legacy notifications; a
    /// charity retailer's Retail Gift Aid sales, till round-ups and Gift Aid sign-up at the counter; a train
    /// operator's payroll giving, sponsored challenge entries and community transport trips for beneficiaries; and
    /// the generated API beside them (an operation span with typed setters, a failed-operation log event, counters
    /// and duration histograms); with the clean cases beside them (hospitals, wards, funds, amounts, the Gift Aid
    /// flag, faculties, appeals, regions, schemes, MPAN prefixes, meter model prefixes, postcode districts, alert ids,
    /// SKUs, the card's last four digits, legacy cases and types, executors' roles, shops, tills, baskets, depots,
    /// challenges, mandates, trips, email domains, lengths, counts, booleans, pseudonyms, keyed shards, exceptions that
    /// quote nothing personal, the generated RecordException without its message). 323 marked lines. Graded as written
    /// with the analyzers of commit f77158e: 120 of 127 leaks found (94.5 %), 0 of 196 clean lines reported (0.0 %);
    /// the seven misses (a streamer's channel name on a span and as a metric tag, the name a tribute fund is in memory
    /// of raw, in a title and hashed with SHA-256, a telethon caller's name in a log and in the generated event's note)
    /// were checked against the decisions and stand; no marker was corrected. The floor guards these figures (93.9 %
    /// recall, 0.5 % false positives).
    /// </summary>
    [Fact]
    public Task Hundred_and_sixty_ninth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout169"), "PrivacyHoldout169.Telemetry", minimumMarkers: 320,
            requiredRecall: 0.939, allowedFalsePositives: 0.005, TestFolder("PrivacyCorpus", "Shared"));
}
