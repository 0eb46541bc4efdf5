namespace PrivacyHoldout188.Transport;

public sealed record DriverSickCall(string StaffNumber, string DepotCode, string DutyNumber, string ReasonCode, string Description, string CallbackNumber);

/// <summary>Drivers' sickness call-ins to the depot control room, and the fit-for-duty check before the first duty back.</summary>
public static class DriverAbsenceEndpoints
{
    private static readonly ActivitySource Source = new("BusCo.Control.Absence");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/sick", SickAsync);
        routes.MapPost("/fit-for-duty/{staffNumber}", FitForDutyAsync);
    }

    private static async Task<ActionResult> SickAsync(DriverSickCall call, IHrRecords hr, Pseudonymizer pseudonymizer, ILogger<DriverSickCall> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("control.sick_call");
        activity?.SetTag("depot", call.DepotCode); // clean precision-names
        activity?.SetTag("duty.number", call.DutyNumber); // clean precision-names
        activity?.SetTag("absence.reason_code", call.ReasonCode); // clean precision-names
        activity?.SetTag("absence.callback", call.CallbackNumber); // leak TC1001 direct
        activity?.SetTag("absence.description_given", call.Description.Length > 0); // clean precision-about
        logger.LogInformation("Sick call for duty {Duty} at {Depot}: {Description}", call.DutyNumber, call.DepotCode, call.Description); // leak TC1001 direct
        logger.LogInformation("Sick call {Call}", call); // leak TC1001 logging-objects
        logger.LogInformation("Sick call from driver {Driver}", pseudonymizer.ComputeDepotohsClientId(call.StaffNumber)); // clean precision-pseudonym

        var driver = await hr.FindEmployeeAsync(call.StaffNumber, cancellationToken) ?? throw new EmployeeNotFoundException(call.StaffNumber);
        var episode = new AbsenceEpisode(Guid.NewGuid().ToString("N"), driver.EmployeeNumber, call.ReasonCode, call.Description, 1, DateOnly.FromDateTime(DateTime.UtcNow));
        await hr.SaveAbsenceAsync(episode, cancellationToken);
        activity?.SetTag("absence.episode_id", episode.EpisodeId); // clean precision-names
        activity?.SetTag("driver.depot_email", driver.WorkEmail); // leak TC1001 direct
        logger.LogInformation(string.Concat("Duty ", call.DutyNumber, " uncovered after sick call by ", driver.FullName)); // leak TC1001 strings
        logger.LogInformation(string.Concat("Duty ", call.DutyNumber, " uncovered at ", call.DepotCode)); // clean strings
        return new OkResult(episode.EpisodeId);
    }

    private static async Task<ActionResult> FitForDutyAsync(string staffNumber, IHrRecords hr, ILogger<DriverSickCall> logger, CancellationToken cancellationToken)
    {
        var absences = await hr.AbsencesAsync(staffNumber, cancellationToken);
        var longest = absences.Count == 0 ? 0 : absences.Max(a => a.Days);
        Activity.Current?.SetTag("fitness.absences", absences.Count); // clean precision-about
        Activity.Current?.SetTag("fitness.longest_days", longest); // clean precision-about
        Activity.Current?.SetTag("fitness.needs_medical", longest > 28); // clean precision-about
        Activity.Current?.SetTag("fitness.staff_number", staffNumber); // leak TC1001 direct
        logger.LogInformation("Fitness check: {Count} absences, longest {Days} days, reasons {Reasons}", absences.Count, longest, absences.Select(a => a.ReasonCode).ToArray()); // clean precision-names
        logger.LogInformation("Fitness check: last absence {Description}", absences.LastOrDefault()?.Description); // leak TC1001 direct
        return new OkResult(longest <= 28);
    }
}
