using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A two-hundred-and-eighth corpus (see <c>PrivacyHoldout208/README.md</c>), written apart from the analyzers
    /// and their rule pages, on parking enforcement and penalty charge notices (wardens' handheld devices, vehicle keepers from
    /// the DVLA, appeals with photos and statements, blue badges, payment and debt recovery). A trust's car park desk checking
    /// patients' and visitors' blue badges; a university's appeals API with statements and photos and its permit renewals; an
    /// energy supplier's charging bay overstay consumer (a topic keyed by plate) and its keeper letters and payments; a
    /// publisher's arena parking passes and charges over gRPC; a broadcaster's studio lot keeper enquiries and appeals; a retail
    /// park's ANPR payments and debt recovery; a council's handheld sync worker and warrants passed to enforcement agents; and
    /// the generated API beside them, with the clean cases beside them (notice numbers, contravention and grounds codes, zones,
    /// bays, cameras, council-owned handhelds, passes, permits, cases, payments, amounts, counts, lengths, email domains, a
    /// plate's first two characters, a badge's council code, a postcode's outward district, card last four digits, pseudonyms,
    /// keyed HMAC shards, [PrivateData] parameters, records without a person and exceptions that quote nothing personal).
    /// 338 marked lines (129 leaks, 209 clean). Graded as written: 126 of 129 leaks found (97.7 %), 7 of 209 clean lines
    /// reported (3.3 %); the misses and the reported lines are listed in the README and stand, no marker was corrected. The
    /// floor guards these figures (97.1 % recall, 3.9 % false positives, at least 338 marked lines).
    /// </summary>
    [Fact]
    public Task Two_hundred_and_eighth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout208"), "PrivacyHoldout208.Telemetry", minimumMarkers: 338,
            requiredRecall: 0.971, allowedFalsePositives: 0.039, TestFolder("PrivacyCorpus", "Shared"));
}
