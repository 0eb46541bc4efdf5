using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A two-hundred-and-seventeenth corpus (see <c>PrivacyHoldout217/README.md</c>), written apart from the analyzers
    /// and their rule pages, on care homes and residents' families (residents' care plans and medication rounds, falls and
    /// incident reports, family visits and video calls, fees and funding, staff rotas). A care group's care plan controller,
    /// medication round and falls worker and next-of-kin notifier; a care college's rota and training minimal API and placement
    /// feedback worker; an energy supplier's care-home supply and cold-room alert consumer (a topic keyed by resident id) and
    /// families' room top-ups; a games studio's reminiscence play gRPC service and family quiz teams; a broadcaster's family
    /// video calls, photo sharing and newsletter; a pharmacy retailer's repeat orders, fees by direct debit and residents' shop
    /// tab; a transport operator's residents' journeys, family visit minibus and drivers' rota; and the generated API beside
    /// them, with the clean cases beside them (homes, wings, rounds, plans, incidents, shifts, orders, journeys, counts,
    /// lengths, email domains, sort codes, pseudonyms, keyed HMAC, [PrivateData] parameters, records without a person and
    /// exceptions that quote nothing personal). 330 marked lines (121 leaks, 209 clean). Graded as written: 118 of 121 leaks
    /// found (97.5 %), 11 of 209 clean lines reported (5.3 %); the misses stand, of the eleven reported clean lines five
    /// markers are judged wrong in the README and six stand, no marker was corrected. The floor guards these figures
    /// (97.0 % recall, 5.8 % false positives, at least 330 marked lines).
    /// </summary>
    [Fact]
    public Task Two_hundred_and_seventeenth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout217"), "PrivacyHoldout217.Telemetry", minimumMarkers: 330,
            requiredRecall: 0.970, allowedFalsePositives: 0.058, TestFolder("PrivacyCorpus", "Shared"));
}
