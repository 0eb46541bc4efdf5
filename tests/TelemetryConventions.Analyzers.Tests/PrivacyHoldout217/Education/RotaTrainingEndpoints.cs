namespace PrivacyHoldout217.Education;

/// <summary>A care college's minimal API: rota shifts for its placement homes and carers' training records.</summary>
public static partial class RotaTrainingEndpoints
{
    private static readonly ActivitySource Source = new("CareCollege.Rota");
    private static readonly Meter Meter = new("CareCollege.Rota");
    private static readonly Counter<long> ShiftsFilled = Meter.CreateCounter<long>("rota.shifts.filled");
    private static readonly UpDownCounter<long> OpenVacancies = Meter.CreateUpDownCounter<long>("rota.vacancies");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/rota/shifts", FillShift);
        routes.MapGet("/rota/{rotaId}", GetRota);
        routes.MapPost("/training/{carerId}/complete", CompleteModule);
    }

    public static OkResult FillShift(RotaShift shift, CareRecords records, Pseudonymizer pseudonymizer, ILogger<RotaShift> logger)
    {
        using var activity = Source.StartActivity("rota.fill");
        activity?.SetTag("rota.shift.id", shift.ShiftId); // clean precision-names
        activity?.SetTag("rota.shift.role", shift.Role); // clean precision-names
        activity?.SetTag("rota.carer.id", shift.CarerId); // leak TC1001 direct
        activity?.SetTag("rota.carer.name", shift.CarerName); // leak TC1001 direct
        activity?.SetTag("rota.carer.pseudonym", pseudonymizer.PseudonymizeRotadeskClientId(shift.CarerId)); // clean precision-pseudonym
        ShiftsFilled.Add(1, new KeyValuePair<string, object?>("home", shift.HomeId), new KeyValuePair<string, object?>("role", shift.Role)); // clean precision-names
        ShiftsFilled.Add(1, new KeyValuePair<string, object?>("carer", shift.CarerId)); // leak TC1003 direct
        OpenVacancies.Add(-1, new KeyValuePair<string, object?>("home", shift.HomeId)); // clean precision-names
        logger.LogInformation("Shift {ShiftId} filled at {HomeId} starting {Start}", shift.ShiftId, shift.HomeId, shift.Start); // clean precision-names
        logger.LogInformation("Shift filled {@Shift}", shift); // leak TC1001 logging-objects
        logger.LogInformation("Shift filled {Shift}", shift with { CarerName = "" }); // leak TC1001 logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["ShiftId"] = shift.ShiftId, ["HomeId"] = shift.HomeId })) // clean logging-objects
        {
            logger.LogInformation("Rota confirmation sent");
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["CarerId"] = shift.CarerId })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Carer notified");
        }

        var carer = records.Carer(shift.CarerId);
        logger.LogInformation("Carer profile {Carer}", carer); // clean logging-objects
        logger.LogInformation("Carer profile {@Carer}", carer); // leak TC1001 logging-objects
        activity?.SetTag("rota.carer.grade", carer.Grade); // clean precision-about
        activity?.SetTag("rota.carer.mobile_present", carer.Mobile.Length > 0); // clean precision-about
        LogCarerCalled(logger, carer.Mobile, shift.ShiftId); // clean precision-names
        return new OkResult(shift.ShiftId);
    }

    public static OkResult GetRota(string rotaId, ILogger<RotaSummary> logger)
    {
        var summary = new RotaSummary(rotaId, "HOME-12", 84, 3, 11);
        using var activity = Source.StartActivity("rota.get");
        activity?.SetTag("rota.id", rotaId); // clean precision-names
        activity?.SetTag("rota.shift_count", summary.ShiftCount); // clean precision-about
        activity?.SetTag("rota.agency_shifts", summary.AgencyShifts); // clean precision-about
        logger.LogInformation("Rota {@Summary}", summary); // clean logging-objects
        logger.LogInformation("Rota view {View}", new { summary.RotaId, summary.Vacancies }); // clean logging-objects
        return new OkResult(summary);
    }

    public static OkResult CompleteModule(string carerId, string moduleCode, int score, Pseudonymizer pseudonymizer, ActivitySource source, Meter meter, ILogger<CarerProfile> logger)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartRotadeskOperation("training-centre-3"); // clean generated-api
        var carer = pseudonymizer.PseudonymizeRotadeskClientId(carerId);
        span.SetRotadeskClientId(carer); // clean generated-api
        span.SetRotadeskMinutes(90); // clean generated-api
        span.SetRotadeskOutcome(score >= 80 ? "done" : "declined"); // clean generated-api
        span.SetRotadeskNote($"module {moduleCode} scored {score}"); // clean generated-api
        span.SetRotadeskMode(carerId); // leak TC1001 generated-api
        logger.LogInformation("Module {ModuleCode} completed by {Carer}", moduleCode, carer); // clean precision-pseudonym
        logger.LogInformation("Module {ModuleCode} completed by {CarerId}", moduleCode, carerId); // leak TC1001 direct
        var certificate = new StringBuilder().Append("CERT-").Append(moduleCode).Append('-').Append(carerId).ToString();
        logger.LogInformation("Certificate {Certificate} issued", certificate); // leak TC1001 strings
        var courseRef = string.Format("{0}/{1}", moduleCode, DateTime.UtcNow.Year);
        logger.LogInformation("Course ref {CourseRef}", courseRef); // clean strings
        meter.CreateRotadeskOperationsCounter().Add(1, "training-centre-3", "done"); // clean generated-api
        meter.CreateRotadeskOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "training-centre-3"); // clean generated-api
        var digest = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(carerId)));
        logger.LogDebug("Training cache key {Key}", digest); // leak TC1002 hashes
        Activity.Current?.SetTag("training.carer", carer); // clean precision-pseudonym
        meter.CreateCounter<long>("training.completions").Add(1, new KeyValuePair<string, object?>("carer", carer)); // leak TC1003 precision-pseudonym
        try
        {
            throw new RotaConflictException("SH-1", "HOME-12");
        }
        catch (RotaConflictException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogRotadeskOperationFailedEvent("training-centre-3", "failed", carer, ex.Message); // clean generated-api
        }

        return new OkResult(null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Carer called on {Mobile} about shift {ShiftId}")]
    private static partial void LogCarerCalled(ILogger logger, [PrivateData] string mobile, string shiftId);
}
