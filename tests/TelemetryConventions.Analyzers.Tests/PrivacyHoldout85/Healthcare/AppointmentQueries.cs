namespace PrivacyHoldout85.Healthcare;

public sealed record Appointment(Guid AppointmentId, string NhsNumber, string ClinicCode, string ClinicianName, DateTime StartsAt, string Status);

public sealed record CancelAppointmentInput(Guid AppointmentId, string Reason, string? PatientComment);

public sealed record CancelAppointmentPayload(Appointment? Appointment, IReadOnlyList<IError> Errors);

public sealed class PatientNotRegisteredException(string nhsNumber, string practiceCode)
    : Exception($"No patient with NHS number {nhsNumber} is registered at practice {practiceCode}.")
{
    public string NhsNumber { get; } = nhsNumber;

    public string PracticeCode { get; } = practiceCode;
}

public interface IAppointmentBook
{
    Task<IReadOnlyList<Appointment>> ForPatientsAsync(IReadOnlyList<string> nhsNumbers, CancellationToken cancellationToken);

    Task<Appointment?> CancelAsync(Guid appointmentId, string reason, CancellationToken cancellationToken);

    Task<bool> IsRegisteredAsync(string nhsNumber, string practiceCode, CancellationToken cancellationToken);
}

/// <summary>Batches the appointment look-ups of one request: the key is the patient's NHS number.</summary>
public sealed class AppointmentsByPatientDataLoader(IAppointmentBook book, Meter meter, ILogger<AppointmentsByPatientDataLoader> logger, IBatchScheduler scheduler)
    : GroupedDataLoader<string, Appointment>(scheduler, new DataLoaderOptions(MaxBatchSize: 200))
{
    private static readonly ActivitySource Source = new("Care.GraphQL.DataLoaders");

    protected override async Task<ILookup<string, Appointment>> LoadGroupedBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        using var batch = Source.StartCaregqlBatch(Name).SetCaregqlBatchSize(keys.Count); // clean precision-about
        logger.LogDebug("Loading appointments for {PatientCount} patients ({Keys})", keys.Count, string.Join(",", keys)); // leak TC1001 strings
        var appointments = await book.ForPatientsAsync(keys, cancellationToken);
        meter.CreateCaregqlDataloaderKeysHistogram().Record(keys.Count, Name, caregqlOutcome: appointments.Count == 0 ? "empty" : "ok"); // clean precision-about
        if (appointments.Count > 0)
        {
            logger.LogTrace("First appointment loaded: {Appointment}", appointments[0]); // leak TC1001 logging-objects
        }

        batch.Activity?.SetTag("care.appointments.clinics", string.Join(",", appointments.Select(a => a.ClinicCode).Distinct())); // clean precision-about
        return appointments.ToLookup(a => a.NhsNumber);
    }
}

[QueryType]
public sealed class AppointmentQueries(IAppointmentBook book, Pseudonymizer pseudonymizer, ILogger<AppointmentQueries> logger)
{
    [UsePaging(MaxPageSize = 20)]
    [Cost(10)]
    public async Task<Appointment[]> GetPatientAppointmentsAsync(string nhsNumber, string practiceCode, AppointmentsByPatientDataLoader appointments, IResolverContext context)
    {
        Activity.Current.EnrichCaregqlOperation(context.Operation.Name).SetCaregqlPatientId(pseudonymizer.PseudonymizeCaregqlPatientId(nhsNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("graphql.field.coordinate", context.Selection.Field.Coordinate.ToString()); // clean precision-names
        logger.LogDebug("Resolving {Coordinate} at {Path}", context.Selection.Field.Coordinate, context.Path); // clean precision-names
        if (!await book.IsRegisteredAsync(nhsNumber, practiceCode, context.RequestAborted))
        {
            logger.LogInformation("Appointments asked for {NhsNumber}, not registered at {Practice}", nhsNumber, practiceCode); // leak TC1001 direct
            throw new PatientNotRegisteredException(nhsNumber, practiceCode);
        }

        var result = await appointments.LoadAsync(nhsNumber, context.RequestAborted);
        Activity.Current?.SetTag("care.appointments.clinicians", string.Join(",", result.Select(a => a.ClinicianName).Distinct())); // leak TC1001 strings
        return result;
    }
}

[MutationType]
public sealed class AppointmentMutations(IAppointmentBook book, ILogger<AppointmentMutations> logger)
{
    [Authorize(Policy = "PatientSelfService")]
    public async Task<CancelAppointmentPayload> CancelAppointmentAsync(CancelAppointmentInput input, IResolverContext context)
    {
        Activity.Current?.SetTag("care.appointment.id", input.AppointmentId); // clean precision-about
        Activity.Current?.SetTag("care.cancel.reason", input.Reason); // clean precision-about
        logger.LogInformation("Cancel requested: {@Input}", input); // leak TC1001 logging-objects
        if (!string.IsNullOrWhiteSpace(input.PatientComment))
        {
            Activity.Current?.AddEvent(new ActivityEvent("care.cancel.comment", tags: new ActivityTagsCollection { ["comment"] = input.PatientComment })); // leak TC1001 direct
        }

        var cancelled = await book.CancelAsync(input.AppointmentId, input.Reason, context.RequestAborted);
        if (cancelled is null)
        {
            var error = ErrorBuilder.New().SetMessage("Appointment not found").SetCode(ErrorCodes.NotFound).SetPath(context.Path).Build();
            logger.LogWarning("Cancel failed: {Error}", error); // clean logging-objects
            return new CancelAppointmentPayload(null, [error]);
        }

        logger.LogInformation("Appointment {AppointmentId} at {Clinic} cancelled ({Status})", cancelled.AppointmentId, cancelled.ClinicCode, cancelled.Status); // clean precision-about
        return new CancelAppointmentPayload(cancelled, []);
    }
}
