namespace PrivacyHoldout214.Healthcare;

[ApiController]
[Route("api/pts/eligibility")]
public sealed partial class EligibilityController(
    ITransportStore store,
    Pseudonymizer pseudonymizer,
    TransportOptions options,
    ILogger<EligibilityController> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout214.Healthcare.Eligibility");
    private readonly Counter<long> _assessments = meter.CreateCounter<long>("pts.assessments");
    private string? _lastAssessedNhsNumber;

    public sealed record AssessmentRequest(string NhsNumber, string MobilityCode, bool NeedsEscort, bool OnDialysis, string? Notes, string? CarerMobile);

    [HttpPost("")]
    public async Task<ActionResult> Assess([FromBody] AssessmentRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("pts.assess");
        activity?.SetTag("pts.patient.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("pts.mobility", request.MobilityCode); // clean precision-about
        activity?.SetTag("pts.escort.needed", request.NeedsEscort); // clean precision-about
        activity?.SetTag("pts.notes.length", request.Notes?.Length ?? 0); // clean precision-about
        activity?.SetTag("pts.carer.mobile_given", request.CarerMobile is not null); // clean precision-about

        var rider = await store.FindRiderAsync(request.NhsNumber, cancellationToken);
        if (rider is null)
        {
            logger.LogWarning("No patient record for NHS number {NhsNumber}", request.NhsNumber); // leak TC1001 direct
            return NotFound();
        }

        _lastAssessedNhsNumber = rider.RiderNumber;
        activity?.SetTag("pts.patient.postcode_district", rider.PostcodeDistrict); // clean precision-about
        activity?.SetTag("pts.patient.postcode", rider.Postcode); // leak TC1001 direct
        activity?.SetTag("pts.patient.id", pseudonymizer.PseudonymizePtsrideClientId(rider.RiderNumber)); // clean precision-pseudonym

        var criterion = request.OnDialysis ? "renal" : request.MobilityCode == "stretcher" ? "medical-need" : "none";
        var assessment = new EligibilityAssessment(Guid.NewGuid(), rider.RiderNumber, rider.FullName, request.MobilityCode, criterion, request.NeedsEscort, criterion != "none", request.Notes);
        await store.SaveAssessmentAsync(assessment, cancellationToken);

        try
        {
            if (!assessment.Eligible)
            {
                throw new RiderNotEligibleException(rider.RiderNumber, criterion);
            }
        }
        catch (RiderNotEligibleException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("pts.ineligible.criterion", ex.CriterionCode); // clean exceptions
            logger.LogInformation("Assessment {AssessmentId} ineligible: {ErrorType}", assessment.AssessmentId, ex.GetType().Name); // clean exceptions
            _assessments.Add(1, new KeyValuePair<string, object?>("outcome", "ineligible"), new KeyValuePair<string, object?>("criterion", criterion)); // clean precision-about
            return Ok(new EligibilityOutcome(assessment.AssessmentId, criterion, request.MobilityCode, false, request.NeedsEscort));
        }

        logger.LogInformation("Assessment recorded {@Assessment}", assessment); // leak TC1001 logging-objects
        var outcome = new EligibilityOutcome(assessment.AssessmentId, criterion, request.MobilityCode, true, request.NeedsEscort);
        logger.LogInformation("Assessment outcome {@Outcome}", outcome); // clean logging-objects
        logger.LogDebug("Assessor notes for {AssessmentId}: {Notes}", assessment.AssessmentId, assessment.AssessorNotes); // leak TC1001 direct
        _assessments.Add(1, new KeyValuePair<string, object?>("outcome", "eligible"), new KeyValuePair<string, object?>("patient", pseudonymizer.ComputePtsrideClientId(rider.RiderNumber))); // leak TC1003 precision-pseudonym
        LogEligible(logger, assessment.AssessmentId, rider.FullName, criterion); // clean logging-objects
        LogEscortRequired(logger, assessment.AssessmentId, request.CarerMobile ?? string.Empty); // leak TC1001 logging-objects
        return Ok(outcome);
    }

    [HttpGet("last")]
    public ActionResult Last()
    {
        Activity.Current?.SetTag("pts.last.nhs_number", _lastAssessedNhsNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("pts.last.assessed", _lastAssessedNhsNumber is not null); // clean cross-member
        return Ok();
    }

    [HttpPost("{bookingId}/book")]
    public async Task<ActionResult> Book(Guid bookingId, string nhsNumber, CancellationToken cancellationToken)
    {
        var booking = await store.FindBookingAsync(bookingId, cancellationToken);
        if (booking is null)
        {
            var notFound = new BookingNotFoundException(bookingId);
            Activity.Current?.AddException(notFound); // clean exceptions
            logger.LogWarning(notFound, "Booking lookup failed"); // clean exceptions
            return NotFound();
        }

        using var span = Source.StartPtsrideOperation(options.HospitalCode); // clean generated-api
        span.SetPtsrideClientId(pseudonymizer.PseudonymizePtsrideClientId(nhsNumber)); // clean generated-api
        span.SetPtsrideMobility(booking.MobilityCode); // clean generated-api
        span.SetPtsrideMode("ambulance"); // clean generated-api
        span.SetPtsrideNote($"pickup at {booking.PickupAddress}"); // leak TC1001 generated-api
        span.SetPtsrideOutcome("booked"); // clean generated-api
        meter.CreatePtsrideOperationsCounter().Add(1, options.HospitalCode); // clean generated-api

        var summary = new BookingSummary(booking.BookingId, booking.ClinicCode, booking.PickupPostcode.Split(' ')[0], booking.MobilityCode, 2, booking.EscortTravelling);
        logger.LogInformation("Booked {Summary}", summary); // clean logging-objects
        logger.LogInformation("Booked journey {@Booking}", booking); // leak TC1001 logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["BookingId"] = booking.BookingId, ["Clinic"] = booking.ClinicCode })) // clean direct
        {
            logger.LogInformation("Pickup at {PickupAt}", booking.PickupAt); // clean precision-about
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["PickupAddress"] = booking.PickupAddress })) // leak TC1001 direct
        {
            logger.LogInformation("Crew briefed");
        }

        return Ok(summary);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Assessment {AssessmentId} eligible for {PatientName} under {Criterion}")]
    private static partial void LogEligible(ILogger logger, Guid assessmentId, [PrivateData] string patientName, string criterion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Assessment {AssessmentId} needs an escort; carer on {CarerMobile}")]
    private static partial void LogEscortRequired(ILogger logger, Guid assessmentId, string carerMobile);
}
