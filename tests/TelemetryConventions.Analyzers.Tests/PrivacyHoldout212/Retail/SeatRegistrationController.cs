namespace PrivacyHoldout212.Retail;

/// <summary>A baby products retailer's car seat registrations (for safety recalls), fittings and returns.</summary>
[ApiController]
[Route("api/seats")]
public sealed partial class SeatRegistrationController(
    IRegistrationStore registrations,
    IFittingDiary diary,
    IWarrantyGateway warranty,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    NurseryPlatformOptions options,
    ILogger<SeatRegistrationController> logger) : ControllerBase
{
    private static readonly Counter<long> Registrations = new Meter("Seatcare.Registrations").CreateCounter<long>("seatcare.registrations");

    private string _lastSerial = string.Empty;
    private string _lastOwnerEmail = string.Empty;

    [HttpPost("register")]
    public async Task<ActionResult> Register([FromBody] SeatRegistration registration, CancellationToken ct)
    {
        var activity = Activity.Current;
        _lastSerial = registration.SeatSerial;
        _lastOwnerEmail = registration.OwnerEmail;
        activity?.SetTag("seat.registration.id", registration.RegistrationId); // clean precision-names
        activity?.SetTag("seat.model", registration.ModelCode); // clean precision-about
        activity?.SetTag("seat.batch", registration.BatchCode); // clean precision-about
        activity?.SetTag("seat.serial", registration.SeatSerial); // leak TC1001 direct
        activity?.SetTag("owner.email", registration.OwnerEmail); // leak TC1001 direct
        activity?.SetTag("owner.email.domain", registration.OwnerEmail.Split('@').Last()); // clean precision-about
        activity?.SetTag("customer.id", registration.ParentId); // leak TC1001 direct
        activity?.SetTag("customer.pseudonym", pseudonymizer.ComputeSeatcareClientId(registration.ParentId)); // clean precision-pseudonym
        await registrations.SaveAsync(registration, ct);
        logger.LogInformation("Registered seat {RegistrationId} model {ModelCode} batch {BatchCode}", registration.RegistrationId, registration.ModelCode, registration.BatchCode); // clean precision-names
        logger.LogInformation("Seat registration saved {@Registration}", registration); // leak TC1001 logging-objects
        logger.LogDebug("Registration as stored: {Registration}", registration with { OwnerEmail = "" }); // leak TC1001 logging-objects
        logger.LogDebug("Registration model view: {View}", new { registration.RegistrationId, registration.ModelCode, registration.ManufacturedOn }); // clean logging-objects
        logger.LogDebug("Owner view: {View}", new { registration.ModelCode, Owner = registration.OwnerEmail }); // leak TC1001 logging-objects
        Registrations.Add(1, new KeyValuePair<string, object?>("seat.model", registration.ModelCode)); // clean precision-about
        Registrations.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeSeatcareClientId(registration.ParentId))); // leak TC1003 precision-pseudonym
        Registrations.Add(1, new KeyValuePair<string, object?>("serial", registration.SeatSerial)); // leak TC1003 direct
        LogRegistered(logger, registration.RegistrationId, registration.OwnerEmail); // clean logging-objects
        LogRegisteredPlain(logger, registration.RegistrationId, registration.SeatSerial); // leak TC1001 logging-objects
        return Ok(registration.RegistrationId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration {RegistrationId} confirmed to {OwnerEmail}")]
    private static partial void LogRegistered(ILogger logger, string registrationId, [PrivateData] string ownerEmail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration {RegistrationId} for serial {SeatSerial}")]
    private static partial void LogRegisteredPlain(ILogger logger, string registrationId, string seatSerial);

    [HttpPost("confirm")]
    public ActionResult ConfirmLast()
    {
        Activity.Current?.SetTag("seat.last.serial", _lastSerial); // leak TC1001 cross-member
        Activity.Current?.AddEvent(new ActivityEvent("registration.confirmed", tags: new ActivityTagsCollection { ["owner"] = _lastOwnerEmail })); // leak TC1001 cross-member
        Activity.Current?.SetTag("seat.last.serial.length", _lastSerial.Length); // clean precision-about
        Activity.Current?.SetTag("owner.has.email", _lastOwnerEmail.Length > 0); // clean cross-member
        return Ok();
    }

    [HttpGet("{seatSerial}")]
    public async Task<ActionResult> Lookup(string seatSerial, CancellationToken ct)
    {
        using var op = source.StartSeatcareOperation(options.Site);
        op.SetSeatcareKind("registration"); // clean generated-api
        try
        {
            var found = await registrations.FindBySerialAsync(seatSerial, ct) ?? throw new RegistrationNotFoundException(seatSerial);
            op.SetSeatcareClientId(pseudonymizer.PseudonymizeSeatcareClientId(found.ParentId)); // clean generated-api
            op.SetSeatcareProduct(found.ModelCode); // clean generated-api
            op.SetSeatcareNote($"serial {seatSerial} found"); // leak TC1001 generated-api
            return Ok(found.RegistrationId);
        }
        catch (RegistrationNotFoundException ex)
        {
            op.RecordException(ex); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning(ex, "Lookup failed for model search"); // leak TC1001 exceptions
            logger.LogWarning("Lookup failed: {Error}", ex.GetType().Name); // clean exceptions
            meter.CreateSeatcareOperationsCounter().Add(1, options.Site, "not-found"); // clean generated-api
            return NotFound(seatSerial);
        }
    }

    [HttpPost("fitting")]
    public async Task<ActionResult> BookFitting([FromBody] FittingAppointment appointment, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["AppointmentId"] = appointment.AppointmentId, ["Store"] = appointment.StoreCode }); // clean logging-objects
        using var scope2 = logger.BeginScope(new Dictionary<string, object> { ["VehicleReg"] = appointment.VehicleReg }); // leak TC1001 logging-objects
        try
        {
            var slot = await diary.BookAsync(appointment, ct);
            var fitter = await diary.FitterForAsync(appointment.StoreCode, appointment.Slot, ct);
            logger.LogInformation("Fitting booked {Slot}", slot); // clean logging-objects
            logger.LogInformation("Fitting appointment {Appointment}", appointment); // leak TC1001 logging-objects
            logger.LogInformation("Fitter assigned {Fitter}", fitter); // clean logging-objects
            logger.LogInformation("Fitter assigned {@Fitter}", fitter); // leak TC1001 logging-objects
            logger.LogInformation("Fitter {FitterPseudonym} at {Store}", pseudonymizer.Compute(Spaces.Fitter, fitter.FitterId), fitter.StoreCode); // clean precision-pseudonym
            Activity.Current?.SetTag("fitting.parent", appointment.ParentName); // leak TC1001 direct
            Activity.Current?.SetTag("fitting.parent.mobile", appointment.ParentMobile); // leak TC1001 direct
            Activity.Current?.SetTag("fitting.seat.model", appointment.SeatModel); // clean precision-about
            Activity.Current?.SetTag("fitting.minutes", slot.Minutes); // clean precision-about
            Activity.Current?.SetTag("fitting.slot", appointment.Slot.ToString("O", CultureInfo.InvariantCulture)); // clean precision-names
            Activity.Current?.SetTag("fitting.vehicle", appointment.VehicleReg.ToUpperInvariant()); // leak TC1001 direct
            Activity.Current?.SetTag("fitting.vehicle.reg.length", appointment.VehicleReg.Length); // clean precision-about
            return Ok(slot.AppointmentId);
        }
        catch (FittingSlotTakenException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Slot taken"); // clean exceptions
            return BadRequest(ex.Message);
        }
        finally
        {
            meter.CreateSeatcareOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, appointment.StoreCode); // clean generated-api
        }
    }

    [HttpPost("returns")]
    public ActionResult Return([FromBody] ReturnRequest request)
    {
        var summary = new ReturnSummary(request.ReturnId, request.OrderId, request.ReasonCode, request.Refund);
        logger.LogInformation("Return accepted {@Summary}", summary); // clean logging-objects
        logger.LogInformation("Return accepted {@Request}", request); // leak TC1001 logging-objects
        var text = new StringBuilder().Append("return ").Append(request.ReturnId).Append(" order ").Append(request.OrderId).ToString();
        Activity.Current?.SetTag("return.text", text); // clean strings
        var who = string.Join("/", request.ReturnId, request.CustomerId);
        Activity.Current?.SetTag("return.key", who); // leak TC1001 strings
        var dedupe = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.CustomerId)));
        Activity.Current?.SetTag("return.customer.hash", dedupe); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.CustomerId))[0] % 16;
        Activity.Current?.SetTag("return.shard", shard); // clean hashes
        Activity.Current?.SetTag("return.refund", request.Refund); // clean precision-about
        Activity.Current?.SetTag("return.reason", request.ReasonCode); // clean precision-about
        Activity.Current?.SetTag("return.customerCount", 1); // clean precision-names
        return Ok(request.ReturnId);
    }

    [HttpPost("warranty")]
    public async Task<ActionResult> Claim([FromBody] WarrantyClaim claim, CancellationToken ct)
    {
        using var op = source.StartSeatcareOperation(options.Site);
        op.SetSeatcareKind("warranty"); // clean generated-api
        op.SetSeatcareProduct(claim.ProductSerial); // leak TC1001 generated-api
        op.SetSeatcareNote(claim.FaultDescription.Length > 40 ? "long fault text" : "short fault text"); // clean generated-api
        try
        {
            var outcome = await warranty.SubmitAsync(claim, ct);
            logger.LogInformation("Claim outcome {@Outcome}", outcome); // clean logging-objects
            op.SetSeatcareOutcome(outcome.Decision); // clean generated-api
            return Ok(outcome.ClaimId);
        }
        catch (ClaimRejectedException ex)
        {
            logger.LogSeatcareOperationFailedEvent(options.Site, "declined", seatcareNote: ex.Message); // clean generated-api
            logger.LogSeatcareOperationFailedEvent(options.Site, "declined", seatcareNote: claim.CustomerEmail); // leak TC1001 generated-api
            return BadRequest(claim.ClaimId);
        }
    }
}
