using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A hundred-and-twenty-first corpus (see <c>PrivacyHoldout121/README.md</c>), written apart from the
    /// analyzers and their rule pages, on deliveries and logistics: parcel tracking and carrier webhooks,
    /// delivery addresses, safe places and instructions, proof of delivery photos, signatures and the names
    /// given at the door, driver routes and stops with their positions, missed deliveries and returns.
    /// The services (a hospital pharmacy's home deliveries and test kits, loan laptops and exam scripts, in-home
    /// displays, engineers' rounds and returned meters, merch, prizes and pre-order returns, discs by post and
    /// paper rounds, an online shop's webhooks, safe places, proof of delivery and missed deliveries, a
    /// courier fleet's routes, stop completions and lost property) send their telemetry by hand and through
    /// the generated API (a delivery span with typed setters, a delivery-failed log event, a deliveries
    /// counter and a delivery duration histogram, the 'redact' contact and address constants), with the
    /// clean cases beside them (shipments, tracking numbers, carriers, routes, depots, vans, safe-place
    /// codes, postcode districts, positions rounded to a tenth of a degree, parcel sizes, return reasons,
    /// webhook signatures, label and drop-off points, pseudonyms, keyed shards, exceptions that quote
    /// things). 331 marked lines. Graded as written with the analyzers of commit b7f1650: 107 of 126
    /// leaks found (84.9 %), 2 of 205 clean lines reported (1.0 %). The floor guards those figures
    /// (84.5 % recall, 1.0 % false positives).
    /// </summary>
    [Fact]
    public Task Hundred_and_twenty_first_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout121"), "PrivacyHoldout121.Telemetry", minimumMarkers: 320,
            requiredRecall: 0.845, allowedFalsePositives: 0.010, TestFolder("PrivacyCorpus", "Shared"));
}
