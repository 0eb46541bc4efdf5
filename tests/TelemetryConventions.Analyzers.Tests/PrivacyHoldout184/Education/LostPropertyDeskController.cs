namespace PrivacyHoldout184.Education;

/// <summary>A student's claim at the library's lost property desk.</summary>
public sealed record DeskClaimRequest(string ItemId, string StudentNumber, string StudentName, string Email, string ProofDescription);

/// <summary>The campus lost property desk: students claim items handed in at the library and the union.</summary>
[ApiController]
[Route("api/lost-property")]
public sealed class LostPropertyDeskController(IFoundItemRegister register, ILogger<LostPropertyDeskController> logger, PropertyOptions options) : ControllerBase
{
    private static readonly ActivitySource Source = new("University.LostPropertyDesk");
    private static readonly Meter Meter = new("University.LostPropertyDesk");
    private static readonly Counter<long> Claims = Meter.CreateCounter<long>("campusfinder.desk.claims");
    private readonly CampusfinderOperationDurationHistogram _duration = Meter.CreateCampusfinderOperationDurationHistogram();

    [HttpPost("claims")]
    public async Task<ActionResult> Claim([FromBody] DeskClaimRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = Source.StartActivity("campusfinder.desk.claim");
        var item = await register.FindAsync(request.ItemId);
        if (item is null)
        {
            var ex = new ItemNotFoundException(request.ItemId);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Claim on an unknown item"); // clean exceptions
            return NotFound();
        }

        activity?.SetTag("campusfinder.item.id", item.ItemId); // clean direct
        activity?.SetTag("campusfinder.item.found_at", item.FoundAt); // clean direct
        activity?.SetTag("campusfinder.claim.student_name", request.StudentName); // leak TC1001 direct
        activity?.SetTag("campusfinder.claim.proof", request.ProofDescription); // leak TC1001 direct
        activity?.SetTag("campusfinder.claim.proof_length", request.ProofDescription.Length); // clean precision-about
        activity?.SetTag("campusfinder.claim.name_matches", string.Equals(item.NameOnItem, request.StudentName, StringComparison.OrdinalIgnoreCase)); // clean precision-about
        activity?.SetTag("campusfinder.claim.email_template_id", "desk-claim-v2"); // clean precision-names
        activity?.SetTag("campusfinder.claim.student_year_group", "UG2"); // clean precision-names
        if (activity is not null) activity.DisplayName = $"claim {item.ItemId}"; // clean strings
        activity?.AddEvent(new ActivityEvent("campusfinder.claimed", tags: new ActivityTagsCollection { ["student.email"] = request.Email })); // leak TC1001 direct
        logger.LogInformation("Item {ItemId} claimed by " + request.StudentName, item.ItemId); // leak TC1001 strings
        logger.LogInformation("Item {ItemId} claimed at {Desk}", item.ItemId, options.Desk); // clean direct
        logger.LogInformation("Claim {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Claim on {Item}", new { item.ItemId, item.Category, options.Desk }); // clean logging-objects
        Claims.Add(1, new KeyValuePair<string, object?>("category", item.Category)); // clean direct
        Claims.Add(1, new KeyValuePair<string, object?>("student", request.StudentNumber)); // leak TC1003 direct
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, options.Desk); // clean generated-api
        return Ok(new { item.ItemId });
    }
}
