namespace PrivacyHoldout160.Education;

/// <summary>Minimal API for school staff recording inhaler, adrenaline pen and insulin doses against pupils' care plans.</summary>
public static partial class CarePlanEndpoints
{
    private static readonly ActivitySource Source = new("Schools.CarePlans");
    private static readonly Meter Meter = new("Schools.CarePlans");
    private static readonly Counter<long> Doses = Meter.CreateCounter<long>("schoolcare.doses");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/care-plans/{studentNumber}/doses", RecordDoseAsync);
        routes.MapGet("/care-plans/{studentNumber}", GetPlanAsync);
    }

    private static async Task<ActionResult> RecordDoseAsync(string studentNumber, MedicationDose dose, ICarePlanStore store, ILogger<CarePlanStore> logger, Pseudonymizer pseudonymizer, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("RecordDose");
        activity?.SetTag("pupil.student_number", studentNumber); // leak TC1001 direct
        activity?.SetTag("pupil.id", pseudonymizer.PseudonymizeSchoolcarePupilId(studentNumber)); // clean precision-pseudonym
        activity?.SetTag("dose.medication", dose.Medication); // clean precision-about
        activity?.SetTag("dose.given_by", dose.StaffId); // leak TC1001 direct

        var plan = await store.FindAsync(studentNumber, cancellationToken);
        if (plan is null)
        {
            var ex = new CarePlanMissingException(studentNumber);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            LogMissingPlan(logger, ex.GetType().Name, dose.Medication); // clean exceptions
            return new NotFoundResult(null);
        }

        await store.RecordDoseAsync(dose, cancellationToken);
        Doses.Add(1, new KeyValuePair<string, object?>("medication", dose.Medication), new KeyValuePair<string, object?>("school", plan.School)); // clean precision-about
        Doses.Add(1, new KeyValuePair<string, object?>("condition", plan.Condition)); // clean precision-about
        Doses.Add(1, new KeyValuePair<string, object?>("pupil", studentNumber)); // leak TC1003 direct
        LogDose(logger, dose.Medication, plan.PupilName); // leak TC1001 precision-names
        LogDoseClassified(logger, dose.Medication, plan.PupilName); // clean logging-objects
        logger.LogInformation("Dose recorded {@Dose}", dose); // leak TC1001 logging-objects
        return new OkResult(null);
    }

    private static async Task<ActionResult> GetPlanAsync(string studentNumber, ICarePlanStore store, ILogger<CarePlanStore> logger, CancellationToken cancellationToken)
    {
        var plan = await store.FindAsync(studentNumber, cancellationToken);
        logger.LogInformation("Care plan lookup found {Found} for a pupil at {School}", plan is not null, plan?.School); // clean precision-about
        logger.LogInformation("Care plan lookup: {Plan}", plan); // leak TC1001 logging-objects
        logger.LogInformation("Guardian reachable: {HasMobile}", !string.IsNullOrEmpty(plan?.GuardianMobile)); // clean precision-about
        logger.LogInformation("Guardian {GuardianMobile}", plan?.GuardianMobile); // leak TC1001 direct
        return new OkResult(plan);
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "No care plan ({Kind}) for a {Medication} dose")]
    private static partial void LogMissingPlan(ILogger logger, string kind, string medication);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "{Medication} given to {PupilName}")]
    private static partial void LogDose(ILogger logger, string medication, string pupilName);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "{Medication} given to {PupilName}")]
    private static partial void LogDoseClassified(ILogger logger, string medication, [PrivateData] string pupilName);
}

/// <summary>The logger category of the care plan endpoints.</summary>
public sealed class CarePlanStore;
