namespace PrivacyHoldout217.Healthcare;

[ApiController]
[Route("api/homes/{homeId}/care-plans")]
public sealed partial class CarePlanController(CareRecords records, Pseudonymizer pseudonymizer, ILogger<CarePlanController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("CareGroup.CarePlans");
    private static readonly Meter Meter = new("CareGroup.CarePlans");
    private static readonly Counter<long> PlanReads = Meter.CreateCounter<long>("careplan.reads");
    private static readonly Histogram<double> ReviewAge = Meter.CreateHistogram<double>("careplan.review.age", "d");

    private string? _lastResidentId;

    [HttpGet("{residentId}")]
    public ActionResult Get(string homeId, string residentId)
    {
        using var activity = Source.StartActivity("careplan.get");
        _lastResidentId = residentId;
        activity?.SetTag("care.home.id", homeId); // clean precision-names
        activity?.SetTag("care.resident.id", residentId); // leak TC1001 direct
        var plan = records.PlanFor(residentId);
        activity?.SetTag("care.plan.id", plan.PlanId); // clean precision-names
        activity?.SetTag("care.plan.goal_count", plan.GoalCount); // clean precision-about
        activity?.SetTag("care.plan.summary", plan.Summary); // leak TC1001 direct
        activity?.SetTag("care.plan.review_overdue", plan.ReviewDue < DateOnly.FromDateTime(DateTime.UtcNow)); // clean precision-about
        var resident = records.FindResident(residentId);
        activity?.SetTag("care.resident.wing", resident.Wing); // clean precision-names
        activity?.SetTag("care.resident.nhs_number", resident.NhsNumber); // leak TC1001 direct
        activity?.SetTag("care.resident.pseudonym", pseudonymizer.PseudonymizeCareplanClientId(residentId)); // clean precision-pseudonym
        PlanReads.Add(1, new KeyValuePair<string, object?>("care.home", homeId)); // clean precision-names
        PlanReads.Add(1, new KeyValuePair<string, object?>("care.resident", pseudonymizer.PseudonymizeCareplanClientId(residentId))); // leak TC1003 precision-pseudonym
        ReviewAge.Record((DateTime.UtcNow - plan.ReviewDue.ToDateTime(TimeOnly.MinValue)).TotalDays, new KeyValuePair<string, object?>("care.home", plan.HomeId)); // clean precision-names
        logger.LogInformation("Care plan {PlanId} read for home {HomeId} with {GoalCount} goals", plan.PlanId, homeId, plan.GoalCount); // clean precision-names
        logger.LogInformation("Care plan read for {Resident}", resident.FullName); // leak TC1001 direct
        LogPlanOpened(logger, resident.FullName, plan.PlanId); // clean precision-names
        LogPlanReviewed(logger, residentId, plan.PlanId); // leak TC1001 direct
        return Ok(plan);
    }

    [HttpPost("{residentId}/review")]
    public ActionResult Review(string homeId, string residentId, [FromBody] CarePlanReview review)
    {
        using var activity = Source.StartActivity("careplan.review");
        activity?.SetTag("care.review.goals_met", review.GoalsMet); // clean precision-about
        activity?.SetTag("care.review.reviewer_role", review.ReviewerRole); // clean precision-names
        logger.LogInformation("Review submitted {@Review}", review); // clean logging-objects
        var family = records.FamilyOf(residentId);
        activity?.SetTag("care.family.contact_count", family.Count); // clean precision-about
        activity?.SetTag("care.family.email_domain", family[0].Email.Split('@')[1]); // clean precision-about
        activity?.SetTag("care.family.first_email", family[0].Email); // leak TC1001 direct
        logger.LogInformation("Notifying family {@Contact}", family[0]); // leak TC1001 logging-objects
        logger.LogInformation("Review notification template {NotificationTemplateId}", "careplan-review-v3"); // clean precision-names
        return Ok();
    }

    public void AuditLastRead()
    {
        Activity.Current?.SetTag("care.audit.last_resident", _lastResidentId); // leak TC1001 cross-member
        Activity.Current?.SetTag("care.audit.had_read", _lastResidentId is not null); // clean cross-member
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Care plan {PlanId} opened for {ResidentName}")]
    private static partial void LogPlanOpened(ILogger logger, [PrivateData] string residentName, string planId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Care plan {PlanId} reviewed for resident {ResidentId}")]
    private static partial void LogPlanReviewed(ILogger logger, string residentId, string planId);
}
