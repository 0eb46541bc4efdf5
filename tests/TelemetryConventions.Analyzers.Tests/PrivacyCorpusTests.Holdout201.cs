using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A two-hundred-and-first corpus (see <c>PrivacyHoldout201/README.md</c>), written apart from the analyzers and their
    /// rule pages, on veterinary practices and pet insurance (pet owners and their animals, microchip numbers, consultations
    /// and clinical notes, prescriptions, pet insurance claims, euthanasia and cremation). A veterinary hospital's
    /// consultations, prescriptions and euthanasia consents; a vet school's students' case logs and body donations for
    /// anatomy teaching; an energy supplier's pet cover claims from a topic keyed by account number; a publisher's
    /// companion-pet feature over gRPC (chip checks, insurance rewards, memorials); a broadcaster's vet series (contributor
    /// releases, farewell filming, viewer enquiries); a pet retailer's in-store clinic, repeat prescriptions and insurance
    /// sales; a ferry operator's pet travel chip checks and a crematorium's collection and ashes-return vans; and the
    /// generated API beside them, with the clean cases beside them (pets' names, species, pet ids, claim ids, condition
    /// codes, drugs, cremation types, ports, vans, booking references, counts, lengths, chip prefixes, email domains,
    /// pseudonyms, keyed HMAC shards, [PrivateData] parameters, records without a person and exceptions that quote nothing
    /// personal). 333 marked lines (131 leaks, 202 clean). Graded as written: 127 of 131 leaks found (96.9 %), 0 of 202 clean
    /// lines reported (0.0 %); every miss was checked against the decisions and stands, no marker was corrected. The floor
    /// guards these figures (96.4 % recall, 0.5 % false positives, at least 333 marked lines).
    /// </summary>
    [Fact]
    public Task Two_hundred_and_first_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout201"), "PrivacyHoldout201.Telemetry", minimumMarkers: 333,
            requiredRecall: 0.964, allowedFalsePositives: 0.005, TestFolder("PrivacyCorpus", "Shared"));
}
