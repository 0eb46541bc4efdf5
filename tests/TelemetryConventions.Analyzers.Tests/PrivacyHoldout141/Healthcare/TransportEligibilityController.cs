namespace PrivacyHoldout141.Healthcare;

/// <summary>The referral form: the questionnaire, the clinic and appointment, and a mobile to call back.</summary>
public sealed record EligibilityRequest(EligibilityQuestionnaire Questionnaire, string ClinicCode, string AppointmentId, string CallbackMobile, string ReferrerKind);

/// <summary>
/// Decides whether a patient qualifies for non-emergency patient transport under the trust's criteria
/// (the national eligibility criteria's medical need, wheelchair, oxygen and walking distance) before a
/// ride is booked with the partner.
/// </summary>
[ApiController]
[Route("api/patient-transport/eligibility")]
public sealed class TransportEligibilityController(
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<TransportEligibilityController> logger) : ControllerBase
{
    private static readonly string[] WalkingCriteria = ["EC-2", "EC-3"];

    [HttpPost]
    public ActionResult Check([FromBody] EligibilityRequest request)
    {
        var q = request.Questionnaire;
        using var span = source.StartPatientrideOperation(request.ClinicCode, "patientride.eligibility");
        span.SetPatientridePatientId(pseudonymizer.PseudonymizePatientridePatientId(q.NhsNumber)); // clean generated-api
        span.Activity?.SetTag("patientride.referrer.kind", request.ReferrerKind); // clean precision-names
        span.Activity?.SetTag("patientride.referrer", q.ReferrerGmcNumber); // leak TC1001 direct
        span.Activity?.SetTag("patientride.reason.length", q.MedicalReason?.Length ?? 0); // clean precision-about
        logger.LogInformation("Eligibility questionnaire received {@Questionnaire}", q); // leak TC1001 logging-objects

        var arm = Math.Abs(q.NhsNumber.GetHashCode()) % 2;
        span.Activity?.SetTag("patientride.form.arm", arm); // leak TC1002 hashes

        try
        {
            var outcome = Decide(q);
            span.Activity?.SetTag("patientride.eligibility.score", outcome.Score); // clean precision-about
            span.Activity?.SetTag("patientride.eligibility.criterion", outcome.CriterionCode); // clean precision-about
            logger.LogInformation("Eligibility outcome {@Outcome}", outcome); // clean logging-objects

            if (!outcome.Eligible)
            {
                throw new EligibilityRefusedException(q.NhsNumber, outcome.CriterionCode);
            }

            if (!string.IsNullOrWhiteSpace(q.MedicalReason))
            {
                span.SetPatientrideNote(q.MedicalReason); // leak TC1001 generated-api
            }

            span.SetPatientrideOutcome("eligible");
            meter.CreatePatientrideTripsCounter().Add(1, request.ClinicCode, "eligible");
            return Ok(outcome);
        }
        catch (EligibilityRefusedException ex)
        {
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            span.Activity?.SetTag("patientride.refusal.criterion", ex.CriterionCode); // clean exceptions
            logger.LogInformation(ex, "Transport refused for appointment {AppointmentId}", request.AppointmentId); // leak TC1001 exceptions
            span.Activity?.SetTag(PatientrideAttributes.Contact, request.CallbackMobile); // leak TC1001 generated-api
            logger.LogPatientrideBookingFailedEvent(request.ClinicCode, "ineligible", null, ex.GetType().Name); // clean exceptions
            return Ok(new { eligible = false, criterion = ex.CriterionCode });
        }
        catch (AppointmentNotFoundException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Referral for a missing appointment at {Clinic}", ex.ClinicCode); // clean exceptions
            return NotFound(ex.Message);
        }
    }

    [HttpGet("{appointmentId}")]
    public ActionResult Status(string appointmentId, string clinicCode, string nhsNumber)
    {
        Activity.Current?.SetTag("patientride.appointment.id", appointmentId); // clean precision-names
        Activity.Current?.SetTag("patientride.patient.number", nhsNumber); // leak TC1001 direct
        Activity.Current?.SetTag("patientride.patient.number_valid", nhsNumber.Length == 10 && nhsNumber.All(char.IsDigit)); // clean precision-about
        logger.LogDebug("Status asked for {AppointmentId} by {PatientRef}", appointmentId, pseudonymizer.ComputePatientridePatientId(nhsNumber)); // clean precision-pseudonym
        return Ok();
    }

    private static EligibilityOutcome Decide(EligibilityQuestionnaire q)
    {
        var score = (q.UsesWheelchair ? 3 : 0) + (q.NeedsOxygen ? 3 : 0) + (q.CanWalkToStop ? 0 : 2);
        var criterion = q.UsesWheelchair ? "EC-1" : q.NeedsOxygen ? "EC-4" : WalkingCriteria[q.CanWalkToStop ? 0 : 1];
        return new EligibilityOutcome($"EL-{DateTime.UtcNow:yyyyMMddHHmmss}", score >= 2, criterion, score);
    }
}
