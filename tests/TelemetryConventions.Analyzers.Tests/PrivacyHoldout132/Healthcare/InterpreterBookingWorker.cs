namespace PrivacyHoldout132.Healthcare;

/// <summary>An appointment booked for a patient whose flag asks for an interpreter, as the PAS publishes it.</summary>
public sealed record InterpreterNeeded(string AppointmentId, string NhsNumber, string PatientGivenName, string Language, string Modality, DateTimeOffset Start, string ClinicCode);

/// <summary>Books interpreters (spoken languages and BSL) with the agency for appointments that need one.</summary>
public sealed class InterpreterBookingWorker(
    IQueueReceiver<InterpreterNeeded> queue,
    IInterpreterAgencyClient agency,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<InterpreterBookingWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Interpreting");
    private static readonly Meter Meter = new("Trust.Interpreting");
    private readonly CareaccessAssistsCounter _assists = Meter.CreateCareaccessAssistsCounter();
    private readonly CareaccessAssistDurationHistogram _duration = Meter.CreateCareaccessAssistDurationHistogram();
    private static readonly Counter<long> ByLanguage = Meter.CreateCounter<long>("interpreting.bookings");

    private string? _lastInterpreterRegister;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var need = await queue.ReceiveAsync(stoppingToken);
            if (need is null)
            {
                continue;
            }
            await BookAsync(need, stoppingToken);
        }
    }

    private async Task BookAsync(InterpreterNeeded need, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartCareaccessAssist(need.ClinicCode);
        span.SetCareaccessBookingId(need.AppointmentId); // clean precision-names
        span.SetCareaccessChannel(need.Modality == "BSL" ? "bsl-interpreter" : "spoken-interpreter"); // clean precision-about
        span.Activity?.SetTag("interpreting.language", need.Language); // clean precision-about
        span.Activity?.SetTag("interpreting.patient_shard", Shard(need.NhsNumber)); // clean hashes
        span.Activity?.SetTag("interpreting.patient_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(need.NhsNumber)))[..16]); // leak TC1002 hashes
        Baggage.SetBaggage("patient.ref", pseudonymizer.ComputeCareaccessPersonId(need.NhsNumber)); // clean precision-pseudonym

        var request = new InterpreterRequest($"INT-{need.AppointmentId}", need.Language, need.Modality, need.Start, TimeSpan.FromMinutes(45), need.ClinicCode, need.NhsNumber);
        logger.LogInformation("Requesting interpreter {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Requesting {Modality} interpreter for appointment {AppointmentId} at {Clinic}", need.Modality, need.AppointmentId, need.ClinicCode); // clean precision-names

        try
        {
            var confirmation = await agency.BookAsync(request, cancellationToken);
            _lastInterpreterRegister = confirmation.RegisterNumber;
            span.SetCareaccessOutcome("booked"); // clean precision-names
            span.Activity?.SetTag("interpreting.agency", confirmation.AgencyCode); // clean precision-names
            span.Activity?.SetTag("interpreting.remote", confirmation.Remote); // clean precision-about
            span.Activity?.AddEvent(new ActivityEvent("interpreter.confirmed", tags: new ActivityTagsCollection { ["interpreter"] = confirmation.InterpreterName })); // leak TC1001 direct
            logger.LogInformation("Interpreter confirmed: {Confirmation}", confirmation); // leak TC1001 logging-objects
            ByLanguage.Add(1, new KeyValuePair<string, object?>("language", need.Language), new("modality", need.Modality)); // clean precision-about
            _assists.Add(1, need.ClinicCode, careaccessOutcome: "booked"); // clean generated-api
        }
        catch (NoInterpreterAvailableException ex)
        {
            logger.LogWarning(ex, "No interpreter for appointment {AppointmentId}", need.AppointmentId); // clean exceptions
            logger.LogCareaccessAssistFailedEvent(need.ClinicCode, "no-interpreter", careaccessPersonId: pseudonymizer.PseudonymizeCareaccessPersonId(need.NhsNumber), careaccessNote: ex.Message); // clean generated-api
            _assists.Add(1, need.ClinicCode, careaccessOutcome: "no-interpreter"); // clean precision-names
        }
        catch (InterpreterCancelledException ex)
        {
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            span.Activity?.SetTag("interpreting.cancelled_booking", ex.BookingRef); // clean exceptions
            logger.LogWarning("Interpreter cancelled: {Message}", ex.Message); // leak TC1001 exceptions
            logger.LogCareaccessAssistFailedEvent(need.ClinicCode, "cancelled", careaccessNote: $"rebook for {need.PatientGivenName}, appointment {ex.BookingRef}"); // leak TC1001 generated-api
            _assists.Add(1, need.ClinicCode, careaccessOutcome: need.NhsNumber); // leak TC1003 generated-api
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, need.ClinicCode, careaccessNeed: need.Modality); // clean generated-api
        }
    }

    /// <summary>Reports the interpreter booked last, for the on-call coordinator's dashboard.</summary>
    public void ReportLastBooked()
    {
        Activity.Current?.SetTag("interpreting.last_register_number", _lastInterpreterRegister); // leak TC1001 cross-member
    }

    private string Shard(string nhsNumber)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(nhsNumber));
        return (mac[0] % 32).ToString(CultureInfo.InvariantCulture);
    }
}
