using Microsoft.Extensions.Compliance.Redaction;

namespace PrivacyHoldout154.Healthcare;

/// <summary>A community nurse's own car broke down between home visits: call the trust's recovery partner, rebook the visits and claim the cost back.</summary>
public sealed record NurseBreakdown(string EmployeeNumber, string NurseName, string NurseMobile, string CarRegistration, string Team, IReadOnlyList<string> VisitIds, double Latitude, double Longitude);

public sealed class NurseBreakdownHandler(
    ILogger<NurseBreakdownHandler> logger,
    Pseudonymizer pseudonymizer,
    IRedactorProvider redactors,
    ActivitySource source,
    Meter meter)
{
    private static readonly Counter<int> VisitsRebooked = new Meter("Trust.Community").CreateCounter<int>("community.visits.rebooked");

    private readonly Dictionary<string, string> _carsByTeam = new();

    public Task HandleAsync(NurseBreakdown breakdown, CancellationToken cancellationToken)
    {
        using var span = source.StartFleetcareOperation("community");
        using var scope = logger.BeginScope("Breakdown for {StaffId}", pseudonymizer.ComputeFleetcareStaffId(breakdown.EmployeeNumber)); // clean precision-pseudonym
        using var teamScope = logger.BeginScope("Nurse {NurseName} in {Team}", breakdown.NurseName, breakdown.Team); // leak TC1001 direct
        var redactor = redactors.GetRedactor(DataTaxonomy.PrivateData);
        logger.LogInformation("Recovery asked for car {Registration}", redactor.Redact(breakdown.CarRegistration)); // clean precision-pseudonym
        logger.LogInformation("Recovery asked for car {Registration}", breakdown.CarRegistration); // leak TC1001 direct
        logger.LogInformation("Recovery asked for {Breakdown}", breakdown); // leak TC1001 logging-objects
        logger.LogInformation("Recovery asked for a car in {Team} with {Visits} visits left", breakdown.Team, breakdown.VisitIds.Count); // clean precision-about
        span.SetFleetcareVehicleCount(1).SetFleetcareNote(SummaryFor(breakdown)); // leak TC1001 strings
        span.SetFleetcareNote(TeamSummary(breakdown)); // clean strings
        Activity.Current?.SetTag("community.visit_ids", string.Join(",", breakdown.VisitIds)); // clean precision-names
        Activity.Current?.SetTag("community.position", $"{breakdown.Latitude:F5},{breakdown.Longitude:F5}"); // leak TC1001 strings
        VisitsRebooked.Add(breakdown.VisitIds.Count, new KeyValuePair<string, object?>("community.team", breakdown.Team)); // clean precision-about
        VisitsRebooked.Add(breakdown.VisitIds.Count, new KeyValuePair<string, object?>("community.nurse", breakdown.EmployeeNumber)); // leak TC1003 direct
        _carsByTeam[breakdown.Team] = breakdown.CarRegistration;
        meter.CreateFleetcareTurnaroundDurationHistogram().Record(0, "community"); // clean generated-api
        return Task.CompletedTask;
    }

    public void ReportTeams()
    {
        foreach (var (team, car) in _carsByTeam)
        {
            logger.LogInformation("Team {Team} last lost car {Registration}", team, car); // leak TC1001 cross-member
        }

        logger.LogInformation("Teams with a breakdown: {Teams}", string.Join(",", _carsByTeam.Keys)); // clean cross-member
    }

    private static string SummaryFor(NurseBreakdown breakdown) =>
        new StringBuilder().Append(breakdown.NurseName).Append(" (").Append(breakdown.NurseMobile).Append(") stranded with ").Append(breakdown.CarRegistration).ToString();

    private static string TeamSummary(NurseBreakdown breakdown) =>
        new StringBuilder().Append(breakdown.Team).Append(": ").Append(breakdown.VisitIds.Count).Append(" visits to rebook").ToString();
}
