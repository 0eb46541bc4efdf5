namespace PrivacyHoldout195.Healthcare;

/// <summary>A fertility clinic's scans, egg collections and embryology for a treatment cycle.</summary>
[ApiController]
[Route("api/cycles")]
public sealed class CycleAppointmentsController(
    IPatientRegistry patients,
    ICycleStore cycles,
    IScanDiary diary,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    FertilityServiceOptions options,
    ILogger<CycleAppointmentsController> logger) : ControllerBase
{
    private readonly Counter<long> _scansBooked = meter.CreateCounter<long>("ivf.scans.booked");
    private readonly Histogram<int> _oocytes = meter.CreateHistogram<int>("ivf.collection.oocytes");
    private string? _currentPatientNumber;
    private string _currentPartnerName = string.Empty;
    private Pseudonym _currentPatient;

    [HttpPost("{cycleId}/scans")]
    public ActionResult BookScan(string cycleId, [FromBody] ScanBookingRequest request)
    {
        var activity = Activity.Current;
        activity?.SetTag("ivf.cycle.id", cycleId); // clean precision-names
        activity?.SetTag("ivf.scan.type", request.ScanType); // clean precision-about
        activity?.SetTag("ivf.patient.number", request.PatientNumber); // leak TC1001 direct
        activity?.SetTag("ivf.partner.name", request.PartnerName); // leak TC1001 direct
        activity?.SetTag("ivf.partner.present", request.PartnerName is not null); // clean precision-about
        activity?.SetTag("ivf.patient.mobile_length", request.MobileNumber.Length); // clean precision-about

        _currentPatientNumber = request.PatientNumber;
        _currentPartnerName = request.PartnerName ?? string.Empty;
        _currentPatient = pseudonymizer.PseudonymizeIvfunitPatientId(request.PatientNumber);

        var cycle = cycles.Find(cycleId);
        if (cycle is null)
        {
            var missing = new PatientNotFoundException(request.PatientNumber);
            activity?.AddException(missing); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "cycle not found"); // clean exceptions
            return NotFound();
        }

        try
        {
            var scan = diary.Book(cycleId, request.PatientNumber, request.ScanType, request.PreferredAt);
            activity?.SetTag("ivf.scan.appointment_id", scan.AppointmentId); // clean precision-names
            activity?.SetTag("ivf.scan.room", scan.RoomCode); // clean precision-about
            logger.LogInformation("Booked {ScanType} scan {AppointmentId} for {PatientName}", scan.ScanType, scan.AppointmentId, scan.PatientName); // leak TC1001 direct
            logger.LogInformation("Scan booked {@Scan}", scan); // leak TC1001 logging-objects
            logger.LogInformation("Scan booked {@Scan}", new { scan.AppointmentId, scan.RoomCode, scan.StartsAt }); // clean logging-objects
            _scansBooked.Add(1, new KeyValuePair<string, object?>("scan.type", scan.ScanType)); // clean precision-about
            _scansBooked.Add(1, new KeyValuePair<string, object?>("patient", _currentPatient.Value)); // leak TC1003 precision-pseudonym
            TagPatient(activity);
            return Ok(scan.AppointmentId);
        }
        catch (SlotUnavailableException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "No slot in {Room} for cycle {CycleId}", ex.Message, cycleId); // clean exceptions
            return BadRequest(ex.Message);
        }
    }

    [HttpPost("{cycleId}/collection")]
    public ActionResult RecordCollection(string cycleId, int oocytes, string theatreCode)
    {
        using var span = source.StartIvfunitOperation(options.SiteCode);
        span.SetIvfunitStage("egg-collection"); // clean generated-api
        span.SetIvfunitPatientId(_currentPatient); // clean generated-api
        span.SetIvfunitMinutes(oocytes); // clean generated-api
        span.SetIvfunitNote($"collection for {_currentPatientNumber} in {theatreCode}"); // leak TC1001 generated-api
        span.SetIvfunitNote($"collection in {theatreCode}, {oocytes} oocytes"); // clean generated-api

        var collection = diary.RecordCollection(cycleId, oocytes, theatreCode);
        _oocytes.Record(collection.OocytesRetrieved, new KeyValuePair<string, object?>("theatre", collection.TheatreCode)); // clean precision-about
        _oocytes.Record(collection.OocytesRetrieved, new KeyValuePair<string, object?>("patient.number", collection.PatientNumber)); // leak TC1003 direct
        logger.LogInformation("Collection {CollectionId}: {Oocytes} oocytes", collection.CollectionId, collection.OocytesRetrieved); // clean precision-names
        logger.LogInformation("Sedation notes for {CollectionId}: {Notes}", collection.CollectionId, collection.SedationNotes); // leak TC1001 direct
        logger.LogInformation("Collection recorded {Collection}", collection with { SedationNotes = null }); // leak TC1001 logging-objects
        meter.CreateIvfunitOperationsCounter().Add(1, options.SiteCode, "collected"); // clean generated-api
        meter.CreateIvfunitOperationDurationHistogram().Record(1.5, theatreCode); // clean generated-api
        return Ok(collection.CollectionId);
    }

    [HttpGet("patients/{nhsNumber}")]
    public async Task<ActionResult> LookUp(string nhsNumber, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(nhsNumber)))[..4];
        activity?.SetTag("ivf.lookup.shard", shard); // clean hashes
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nhsNumber)));
        activity?.SetTag("ivf.lookup.key", digest); // leak TC1002 hashes
        activity?.SetTag("ivf.lookup.bucket", nhsNumber.GetHashCode() % 16); // leak TC1002 hashes

        var patient = await patients.FindByNhsNumberAsync(nhsNumber, cancellationToken);
        if (patient is null)
        {
            logger.LogInformation("No patient for NHS number {NhsNumber}", nhsNumber); // leak TC1001 direct
            return NotFound();
        }

        var pseudonym = pseudonymizer.PseudonymizeIvfunitPatientId(patient.PatientNumber);
        activity?.SetTag("ivf.patient", pseudonym.Value); // clean precision-pseudonym
        logger.LogInformation("Patient {Patient} looked up", pseudonym); // clean precision-pseudonym
        activity?.SetTag("ivf.patient.email_domain", patient.Email[(patient.Email.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("ivf.patient.age", DateTime.Today.Year - patient.DateOfBirth.Year); // clean precision-about
        activity?.SetTag("ivf.patient.dob", patient.DateOfBirth.ToString("yyyy-MM-dd")); // leak TC1001 direct
        activity?.SetTag("ivf.patient.has_partner", patient.PartnerNumber is not null); // clean precision-about
        var label = new StringBuilder().Append(patient.FullName).Append(" / ").Append(patient.PartnerName).ToString();
        activity?.SetTag("ivf.couple.label", label); // leak TC1001 strings
        activity?.SetTag("ivf.patient.record_type", patient.GetType().Name); // clean precision-names
        logger.LogInformation("Patient loaded {Patient}", patient); // leak TC1001 logging-objects
        return Ok(pseudonym.Value);
    }

    [HttpGet("{cycleId}/embryology")]
    public ActionResult Worksheet(string cycleId, EmbryologyWorksheet worksheet)
    {
        var activity = Activity.Current;
        activity?.SetTag("ivf.worksheet.id", worksheet.WorksheetId); // clean precision-names
        activity?.SetTag("ivf.worksheet.embryologist", worksheet.EmbryologistName); // leak TC1001 direct
        activity?.SetTag("ivf.embryos.graded", worksheet.EmbryosGraded); // clean precision-about
        logger.LogInformation("Worksheet {Worksheet}", worksheet); // clean logging-objects
        logger.LogInformation("Worksheet {@Worksheet}", worksheet); // leak TC1001 logging-objects
        logger.LogInformation("Scans in cycle: {ScanCount}", cycles.ScansFor(cycleId).Count); // clean precision-about
        ClinicLog.PartnerConsentChecked(logger, cycleId, _currentPartnerName); // clean logging-objects
        ClinicLog.PatientArrived(logger, _currentPatientNumber ?? "unknown"); // leak TC1001 cross-member
        activity?.AddEvent(new ActivityEvent("ivf.partner.checked", tags: new ActivityTagsCollection { ["partner"] = _currentPartnerName })); // leak TC1001 cross-member
        activity?.SetTag("ivf.partner.consent_form_id", $"PCF-{cycleId}"); // clean precision-names
        return Ok();
    }

    private void TagPatient(Activity? activity)
    {
        activity?.SetTag("ivf.patient.id", _currentPatientNumber); // leak TC1001 cross-member
        activity?.SetTag("ivf.patient.pseudonym", _currentPatient.Value); // clean cross-member
        Baggage.SetBaggage("ivf.patient", _currentPatientNumber); // leak TC1001 cross-member
        Baggage.SetBaggage("ivf.site", options.SiteCode); // clean cross-member
    }
}

internal static partial class ClinicLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Partner consent checked for cycle {CycleId} ({PartnerName})")]
    public static partial void PartnerConsentChecked(ILogger logger, string cycleId, [PrivateData] string partnerName);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Patient {PatientNumber} arrived for treatment")]
    public static partial void PatientArrived(ILogger logger, string patientNumber);
}
