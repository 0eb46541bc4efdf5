using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A hundred-and-thirtieth corpus (see <c>PrivacyHoldout130/README.md</c>), written apart from the analyzers
    /// and their rule pages, on housing, tenancy and property: staff residences, student halls, depot cottages and
    /// flats above shops let with applications, viewings, tenant referencing and guarantors; tenancy agreements and
    /// protected deposits with end-of-tenancy inspections and deductions; repairs reported by tenants and contractor
    /// visits with no-access cards; change of tenancy with move-in readings, landlords' portals and void meters; rent
    /// from pay, open banking and arrears; a game's housing plots with upkeep, repossession and tours; a property
    /// portal's enquiries, viewings and agent leads; removals for relocating staff; and the generated API beside them
    /// (a tenancy span with typed setters, a tenancy-failed log event, an actions counter and an action duration
    /// histogram); with the clean traps beside them (property, tenancy, deposit, viewing, job and payment references,
    /// branches, depots, halls and worlds, rents, readings, scores and counts, email domains, postcode outward codes,
    /// MPAN and meter prefixes, pseudonyms, keyed shards, exceptions that quote nothing personal). 311 marked lines.
    /// Graded as written with the analyzers of commit 53b5888: 101 of 116 leaks found (87.1 %), 3 of 195 clean
    /// lines reported (1.5 %). The floor guards those figures (86.5 % recall, 2.1 % false positives).
    /// </summary>
    [Fact]
    public Task Hundred_and_thirtieth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout130"), "PrivacyHoldout130.Telemetry", minimumMarkers: 310,
            requiredRecall: 0.865, allowedFalsePositives: 0.021, TestFolder("PrivacyCorpus", "Shared"));
}
