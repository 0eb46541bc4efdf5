using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A thirty-third corpus (see <c>PrivacyHoldout33/README.md</c>), written apart from the analyzers,
    /// their rule pages and the cases of the other corpora, on location data: GPS fixes and traces,
    /// geohashes and H3-style cells, geofences, geocoding and reverse geocoding, nearest-site search,
    /// distances and ETAs, IP geolocation, map-matching, location sharing and coarsened coordinates.
    /// Graded as written with the analyzers of commit b0b387f: 55 of 90 leaks found (61.1 %), 0 of 126
    /// clean lines reported (0.0 %). Since, with this round's rules (dictionary entry keys, dates of birth, members a helper sends, built addresses, typed notes, card fingerprints): 56 of 90 (62.2 %), 0 of 126 (0.0 %). Then, with precise positions: 65 of 90 (72.2 %), 1 of 126 (0.8 %), the new one being a pickup's position that is a home's on one branch (rounded) and a bus stop's on the other, which the rule cannot tell apart. The floor guards those figures (72 % recall, 1 % false positives).
    /// </summary>
    [Fact]
    public Task Thirty_third_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout33"), "PrivacyHoldout33.Telemetry", minimumMarkers: 194,
            requiredRecall: 0.72, allowedFalsePositives: 0.01, TestFolder("PrivacyCorpus", "Shared"));
}
