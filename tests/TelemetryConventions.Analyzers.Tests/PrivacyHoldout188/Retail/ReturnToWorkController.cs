namespace PrivacyHoldout188.Retail;

public sealed record ReturnToWorkInterview(string EmployeeNumber, string StoreNumber, string ManagerName, string ManagerNotes, int PhasedWeeks, string AdjustmentCode, bool NeedsReferral);

/// <summary>A retailer's return-to-work interviews, keyed by store managers after a colleague's absence.</summary>
[ApiController]
[Route("colleagues/return-to-work")]
public sealed partial class ReturnToWorkController(
    IHrRecords hr,
    IOccHealthProvider provider,
    Pseudonymizer pseudonymizer,
    ILogger<ReturnToWorkController> logger,
    Meter meter,
    OccHealthOptions options) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retail.People.Rtw");
    private static readonly UpDownCounter<int> OnPhasedReturn = new Meter("Retail.People").CreateUpDownCounter<int>("rtw.phased");

    [HttpPost("")]
    public async Task<ActionResult> RecordAsync([FromBody] ReturnToWorkInterview interview, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("rtw.record");
        activity?.SetTag("store.number", interview.StoreNumber); // clean precision-names
        activity?.SetTag("rtw.phased_weeks", interview.PhasedWeeks); // clean precision-about
        activity?.SetTag("rtw.adjustment_code", interview.AdjustmentCode); // clean precision-names
        activity?.SetTag("rtw.needs_referral", interview.NeedsReferral); // clean precision-about
        activity?.SetTag("rtw.manager", interview.ManagerName); // leak TC1001 direct
        activity?.SetTag("rtw.notes", interview.ManagerNotes); // leak TC1001 direct
        activity?.SetTag("rtw.notes_length", interview.ManagerNotes.Length); // clean precision-about
        activity?.SetTag("colleague.number", interview.EmployeeNumber); // leak TC1001 direct
        activity?.SetTag("colleague.number_length", interview.EmployeeNumber.Length); // clean precision-about

        var colleague = await hr.FindEmployeeAsync(interview.EmployeeNumber, cancellationToken);
        if (colleague is null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"colleague {interview.EmployeeNumber} not on payroll"); // leak TC1001 exceptions
            return NotFound("colleague not found");
        }

        var plan = new ReturnToWorkPlan(Guid.NewGuid().ToString("N"), colleague.EmployeeNumber, interview.ManagerNotes, interview.PhasedWeeks, interview.AdjustmentCode, interview.StoreNumber);
        await hr.SavePlanAsync(plan, cancellationToken);
        activity?.SetTag("rtw.plan_id", plan.PlanId); // clean precision-names
        logger.LogInformation("Return-to-work plan {@Plan}", plan); // leak TC1001 logging-objects
        logger.LogInformation("Return-to-work plan {@Plan}", plan with { ManagerNotes = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Return-to-work plan {@Plan}", new { plan.PlanId, plan.SiteCode, plan.PhasedWeeks, plan.AdjustmentCode }); // clean logging-objects
        logger.LogInformation("Return-to-work for {Colleague}: {Weeks} weeks", colleague.FullName, plan.PhasedWeeks); // leak TC1001 direct
        logger.LogInformation("Return-to-work for {Colleague}: {Weeks} weeks", pseudonymizer.ComputeStorewellClientId(colleague.EmployeeNumber), plan.PhasedWeeks); // clean precision-pseudonym
        PlanRecorded(logger, plan.PlanId, colleague.FullName, interview.ManagerNotes); // clean logging-objects
        OnPhasedReturn.Add(1, new KeyValuePair<string, object?>("store", interview.StoreNumber)); // clean precision-names
        OnPhasedReturn.Add(1, new KeyValuePair<string, object?>("colleague", pseudonymizer.PseudonymizeStorewellClientId(colleague.EmployeeNumber))); // leak TC1003 precision-pseudonym

        using var span = Source.StartStorewellOperation(interview.StoreNumber); // clean generated-api
        span.SetStorewellCaseType("rtw"); // clean generated-api
        span.SetStorewellClientId(pseudonymizer.PseudonymizeStorewellClientId(colleague.EmployeeNumber)); // clean generated-api
        span.SetStorewellDays(interview.PhasedWeeks * 7); // clean generated-api
        span.SetStorewellNote($"manager {interview.ManagerName} agreed {plan.AdjustmentCode}"); // leak TC1001 generated-api

        if (interview.NeedsReferral)
        {
            var referral = new ManagementReferral(Guid.NewGuid().ToString("N"), colleague.EmployeeNumber, colleague.WorkEmail, interview.ManagerNotes, "rtw", interview.StoreNumber);
            try
            {
                var referralId = await provider.SubmitReferralAsync(referral, cancellationToken);
                span.SetStorewellOutcome("referred"); // clean generated-api
                activity?.SetTag("rtw.referral_id", referralId); // clean precision-names
            }
            catch (ProviderUnavailableException ex)
            {
                span.SetStorewellNote(ex.Message); // clean generated-api
                logger.LogStorewellOperationFailedEvent(interview.StoreNumber, "provider-down", storewellNote: ex.Message); // clean generated-api
                logger.LogWarning(ex, "Referral {ReferralId} not sent to {Provider}", referral.ReferralId, options.ProviderName); // clean exceptions
            }
        }

        meter.CreateStorewellOperationDurationHistogram().Record(0.4, storewellSite: interview.StoreNumber); // clean generated-api
        return Ok(plan.PlanId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} recorded for {Colleague}: {Notes}")]
    private static partial void PlanRecorded(ILogger logger, string planId, [PrivateData] string colleague, [PrivateData] string notes);
}
