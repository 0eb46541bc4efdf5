using OpenTelemetry.Trace;

namespace PrivacyHoldout168.Healthcare;

/// <summary>Patients spread the cost of self-pay treatment (hips, knees, cataracts) over a finance plan after a soft search.</summary>
[ApiController]
[Route("api/treatment-finance")]
public sealed class TreatmentFinanceController(
    ICreditBureau bureau,
    IBorrowerMessenger messenger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    LendingOptions options,
    ILogger<TreatmentFinanceController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.TreatmentFinance");
    private static readonly Meter Meter = new("Trust.TreatmentFinance");
    private static readonly Counter<long> Searches = Meter.CreateCounter<long>("treatment_finance.searches");

    [HttpPost("apply")]
    public async Task<ActionResult> Apply([FromBody] TreatmentFinanceRequest request, CancellationToken ct)
    {
        using var span = Source.StartCarefinanceOperation("RGT01");
        span.SetCarefinancePatientId(pseudonymizer.PseudonymizeCarefinancePatientId(request.NhsNumber)); // clean precision-pseudonym
        span.SetCarefinancePlan(request.Treatment); // clean generated-api
        var activity = Activity.Current;
        activity?.SetTag("treatment.cost", request.Cost); // clean precision-about
        activity?.SetTag("treatment.term_months", request.TermMonths); // clean precision-about
        activity?.SetTag("patient.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("finance.summary", $"{request.Treatment} for {request.PatientName}"); // leak TC1001 strings
        activity?.SetTag("finance.summary_safe", $"{request.Treatment} over {request.TermMonths} months"); // clean strings
        logger.LogInformation("Finance application for {Treatment} over {Term} months", request.Treatment, request.TermMonths); // clean precision-about
        logger.LogInformation("Finance application from {PatientEmail}", request.Email); // leak TC1001 direct

        var dedupe = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.NhsNumber)))[..16];
        activity?.SetTag("application.dedupe_key", dedupe); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.NhsNumber))[0] % 16;
        activity?.SetTag("application.shard", shard); // clean hashes

        try
        {
            var report = await bureau.SearchAsync(new CreditSearchRequest(request.PatientName, request.DateOfBirth, request.Postcode, "soft"), ct);
            logger.LogInformation("Soft search {SearchReference} scored {Score} ({Band})", report.SearchReference, report.Score, report.Band); // clean precision-about
            logger.LogDebug("Bureau report {Report}", report); // leak TC1001 logging-objects
            TagReport(activity, report);
            Searches.Add(1, new KeyValuePair<string, object?>("band", report.Band)); // clean precision-about
            var approved = report.Score >= options.MinimumScore;
            span.SetCarefinanceOutcome(approved ? "approved" : "referred"); // clean generated-api
            if (!approved)
            {
                await messenger.SendAsync(request.Email, options.DeclineTemplateId, ct);
                activity?.SetTag("finance.decline_template_id", options.DeclineTemplateId); // clean precision-names
            }
            return Ok(new { report.SearchReference, report.Band });
        }
        catch (NoMatchException ex)
        {
            span.RecordException(ex, "bureau found no file"); // clean exceptions
            logger.LogWarning(ex, "No bureau match for finance application"); // leak TC1001 exceptions
            return NotFound("We could not find your credit file");
        }
        catch (BureauUnavailableException ex)
        {
            activity?.AddException(ex); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return BadRequest("Try again later");
        }
    }

    private static void TagReport(Activity? activity, CreditReport report)
    {
        activity?.SetTag("bureau.consumer", report.BureauConsumerId); // leak TC1001 cross-member
        activity?.SetTag("bureau.defaults", report.Defaults); // clean cross-member
    }
}
