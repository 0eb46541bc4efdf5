using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A two-hundred-and-fourth corpus (see <c>PrivacyHoldout204/README.md</c>), written apart from the analyzers
    /// and their rule pages, on foodbanks and charities (referrals by agencies, households and dietary needs, vouchers,
    /// volunteers and DBS checks, donors and Gift Aid declarations, crisis grants). A trust's discharge food parcels; a
    /// council's holiday food vouchers; a supplier's fuel bank vouchers (a topic keyed by account number) and crisis grants;
    /// a publisher's charity stream donations over gRPC; a broadcaster's appeal pledges and Gift Aid claims; a retailer's
    /// community volunteers, DBS checks and donation points; a rail operator's volunteer parcel runs and travel vouchers; and
    /// the generated API beside them, with the clean cases beside them (referrals, agencies, wards, schools, stores,
    /// stations, diet codes, counts, lengths, email domains, sort codes, pseudonyms, keyed HMAC shards, [PrivateData]
    /// parameters, records without a person and exceptions that quote nothing personal). 325 marked lines (127 leaks, 198
    /// clean). Graded as written: 114 of 127 leaks found (89.8 %), 0 of 198 clean lines reported (0.0 %); every miss was
    /// checked against the decisions and stands, no marker was corrected. The floor guards these figures (89.2 % recall,
    /// 0.5 % false positives, at least 325 marked lines).
    /// </summary>
    [Fact]
    public Task Two_hundred_and_fourth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout204"), "PrivacyHoldout204.Telemetry", minimumMarkers: 325,
            requiredRecall: 0.892, allowedFalsePositives: 0.005, TestFolder("PrivacyCorpus", "Shared"));
}
