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
    /// clean lines reported (0.0 %). Since, with this round's rules (dictionary entry keys, dates of birth, members a helper sends, built addresses, typed notes, card fingerprints): 56 of 90 (62.2 %), 0 of 126 (0.0 %). The floor guards those figures (62 % recall, 0 % false positives).
    /// </summary>
    [Fact]
    public Task Thirty_third_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout33"), "PrivacyHoldout33.Telemetry", minimumMarkers: 194,
            requiredRecall: 0.62, allowedFalsePositives: 0.0, TestFolder("PrivacyCorpus", "Shared"));
}
