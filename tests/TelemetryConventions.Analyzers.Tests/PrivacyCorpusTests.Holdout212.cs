using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A two-hundred-and-twelfth corpus (see <c>PrivacyHoldout212/README.md</c>), written apart from the analyzers
    /// and their rule pages, on child car seats and baby products retail (seat registrations for safety recalls, parents'
    /// details, gift lists for new babies, returns and warranty claims, in-store fitting appointments). A trust's discharge
    /// car seat checks for newborns; a nursery group's car seat workshops; a supplier's new-baby priority register consumer
    /// (a topic keyed by account number) and baby voucher worker; a family games publisher's baby range over gRPC (gift
    /// lists, warranty claims) and gift purchase consumer; a broadcaster's recall alert list and parents' reviews; a
    /// retailer's seat registrations, fittings, returns and warranty claims; a taxi operator's car seat hire; and the
    /// generated API beside them, with the clean cases beside them (seat models, batches, registrations, recalls, claims,
    /// returns, fitting slots, booking references, counts, lengths, ages in months, postcode areas, email domains,
    /// pseudonyms, keyed HMAC shards, [PrivateData] parameters, records without a person and exceptions that quote nothing
    /// personal). 325 marked lines (130 leaks, 195 clean). Graded as written: 117 of 130 leaks found (90.0 %), 1 of 195
    /// clean lines reported (0.5 %); every miss and the one reported clean line were checked against the decisions and
    /// stand, no marker was corrected. The floor guards these figures (89.5 % recall, 1.0 % false positives, at least 325
    /// marked lines).
    /// </summary>
    [Fact]
    public Task Two_hundred_and_twelfth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout212"), "PrivacyHoldout212.Telemetry", minimumMarkers: 325,
            requiredRecall: 0.895, allowedFalsePositives: 0.010, TestFolder("PrivacyCorpus", "Shared"));
}
