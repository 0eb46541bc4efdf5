using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A hundred-and-ninety-second corpus (see <c>PrivacyHoldout192/README.md</c>), written apart from the analyzers
    /// and their rule pages, on home energy efficiency grants and retrofit (home assessments and EPC surveys, eligibility
    /// through benefits and income, installers' visits and photos of homes, heat pump and insulation installs, complaints).
    /// A trust's warm homes prescriptions worker for patients made ill by cold homes; a council's minimal API for school-gate
    /// referrals of families on free school meals; a supplier's ECO4 grant controller (eligibility, EPC surveys, installs);
    /// a publisher's Power Down thermostat rebates over gRPC; a broadcaster's makeover show repository (homeowners'
    /// applications, filmed installers' visits, photos of homes); a DIY retailer's heat pump quotes and complaints; an
    /// airport's noise insulation claims consumer (a topic keyed by UPRN); and the generated API beside them, with the clean
    /// cases beside them (measures, schemes, EPC ratings and SAP scores, benefits found, income bands, household sizes,
    /// installers, jobs, surveys, zones, postcode districts, email domains, card last four digits, counts, lengths,
    /// pseudonyms, keyed HMAC shards, [PrivateData] parameters, records without a person and exceptions that quote nothing
    /// personal). 321 marked lines (129 leaks, 192 clean). Graded as written: 126 of 129 leaks found (97.7 %), 0 of 192 clean
    /// lines reported (0.0 %); no marker and no code was changed after grading. The floor guards these figures (97.1 %
    /// recall, 0.5 % false positives, at least 321 marked lines).
    /// </summary>
    [Fact]
    public Task Hundred_and_ninety_second_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout192"), "PrivacyHoldout192.Telemetry", minimumMarkers: 321,
            requiredRecall: 0.971, allowedFalsePositives: 0.005, TestFolder("PrivacyCorpus", "Shared"));
}
