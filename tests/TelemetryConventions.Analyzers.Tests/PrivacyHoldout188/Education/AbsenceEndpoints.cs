namespace PrivacyHoldout188.Education;

public sealed record AbsenceReport(string EmployeeNumber, string ReasonCode, string Description, int Days, DateOnly StartedOn, string ReportedByEmail);

/// <summary>A university's staff sickness absence reporting, as a minimal API.</summary>
public static partial class AbsenceEndpoints
{
    private static readonly ActivitySource Source = new("Uni.People.Absence");
    private static readonly Meter UniMeter = new("Uni.People");
    private static readonly Histogram<double> AbsenceDays = UniMeter.CreateHistogram<double>("absence.days");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/absence", ReportAsync);
        routes.MapGet("/absence/{employeeNumber}/bradford", BradfordAsync);
        routes.MapGet("/absence/department/{department}", Department);
    }

    private static async Task<ActionResult> ReportAsync(AbsenceReport report, IHrRecords hr, Pseudonymizer pseudonymizer, ILogger<AbsenceReport> logger, Meter meter, OccHealthOptions options, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("absence.report");
        activity?.SetTag("absence.reason_code", report.ReasonCode); // clean precision-names
        activity?.SetTag("absence.days", report.Days); // clean precision-about
        activity?.SetTag("absence.description", report.Description); // leak TC1001 direct
        activity?.SetTag("absence.reported_by", report.ReportedByEmail); // leak TC1001 direct
        activity?.SetTag("absence.reporter_domain", report.ReportedByEmail.Split('@').Last()); // clean precision-about
        activity?.SetTag("staff.number", report.EmployeeNumber); // leak TC1001 direct

        var employee = await hr.FindEmployeeAsync(report.EmployeeNumber, cancellationToken);
        if (employee is null)
        {
            logger.LogWarning("Absence reported for unknown staff {EmployeeNumber}", report.EmployeeNumber); // leak TC1001 direct
            logger.LogWarning("Absence reported for unknown staff, reason {ReasonCode}", report.ReasonCode); // clean precision-names
            return new NotFoundResult("unknown member of staff");
        }

        var episode = new AbsenceEpisode(Guid.NewGuid().ToString("N"), employee.EmployeeNumber, report.ReasonCode, report.Description, report.Days, report.StartedOn);
        await hr.SaveAbsenceAsync(episode, cancellationToken);
        activity?.SetTag("absence.episode_id", episode.EpisodeId); // clean precision-names
        activity?.AddEvent(new ActivityEvent("absence.saved", tags: new ActivityTagsCollection { ["episode"] = episode.EpisodeId, ["long_term"] = episode.Days >= options.LongTermAbsenceDays })); // clean precision-names
        activity?.AddEvent(new ActivityEvent("absence.staff", tags: new ActivityTagsCollection { ["name"] = employee.FullName })); // leak TC1001 direct

        logger.LogInformation("Absence {@Episode}", episode); // leak TC1001 logging-objects
        logger.LogInformation("Absence {@Episode}", episode with { Description = "[removed]" }); // leak TC1001 logging-objects
        logger.LogInformation("Absence {@Episode}", new { episode.EpisodeId, episode.ReasonCode, episode.Days }); // clean logging-objects
        logger.LogInformation("Absence for {Staff} ({Department})", pseudonymizer.ComputeStaffwellClientId(employee.EmployeeNumber), employee.DepartmentCode); // clean precision-pseudonym
        AbsenceSaved(logger, episode.EpisodeId, employee.WorkEmail); // clean logging-objects

        var message = new StringBuilder("Absence saved for ").Append(employee.FullName).Append(", ").Append(report.Days).Append(" days").ToString();
        logger.LogDebug(message); // leak TC1001 strings
        logger.LogDebug(string.Format("Absence {0} saved, {1} days, reason {2}", episode.EpisodeId, report.Days, report.ReasonCode)); // clean strings

        AbsenceDays.Record(report.Days, new KeyValuePair<string, object?>("department", employee.DepartmentCode)); // clean precision-names
        AbsenceDays.Record(report.Days, new KeyValuePair<string, object?>("staff", pseudonymizer.ComputeStaffwellClientId(employee.EmployeeNumber))); // leak TC1003 precision-pseudonym

        using var span = Source.StartStaffwellOperation(employee.DepartmentCode); // clean generated-api
        span.SetStaffwellClientId(pseudonymizer.PseudonymizeStaffwellClientId(employee.EmployeeNumber)); // clean generated-api
        span.SetStaffwellDays(report.Days); // clean generated-api
        span.SetStaffwellNote(report.Description); // leak TC1001 generated-api
        meter.CreateStaffwellOperationsCounter().Add(1, staffwellSite: employee.DepartmentCode, staffwellOutcome: report.ReasonCode); // clean generated-api
        return new OkResult(episode.EpisodeId);
    }

    private static async Task<ActionResult> BradfordAsync(string employeeNumber, IHrRecords hr, ILogger<AbsenceReport> logger, CancellationToken cancellationToken)
    {
        var episodes = await hr.AbsencesAsync(employeeNumber, cancellationToken);
        var spells = episodes.Count;
        var days = episodes.Sum(e => e.Days);
        var bradford = spells * spells * days;
        Activity.Current?.SetTag("absence.bradford", bradford); // clean precision-about
        Activity.Current?.SetTag("absence.spells", spells); // clean precision-about
        logger.LogInformation("Bradford factor {Bradford} for {EmployeeNumber}", bradford, employeeNumber); // leak TC1001 direct
        logger.LogInformation($"Bradford factor {bradford} for staff {employeeNumber}"); // leak TC1001 strings
        logger.LogInformation("Episodes {Episodes}", string.Join(", ", episodes.Select(e => e.Description))); // leak TC1001 strings
        logger.LogInformation("Episode reasons {Reasons}", string.Join(",", episodes.Select(e => e.ReasonCode).Distinct())); // clean precision-names
        return new OkResult(bradford);
    }

    private static ActionResult Department(string department, ILogger<AbsenceReport> logger)
    {
        var stats = new AbsenceStats(department, 12, 48.5, 2);
        logger.LogInformation("Department absence {@Stats}", stats); // clean logging-objects
        Activity.Current?.SetTag("absence.department", department); // clean precision-names
        return new OkResult(stats);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Absence episode {EpisodeId} saved, acknowledgement to {Email}")]
    private static partial void AbsenceSaved(ILogger logger, string episodeId, [PrivateData] string email);
}
