namespace PrivacyHoldout139.Energy;

public sealed record VisitBookingRequest(string SchoolUrn, string TeacherName, string TeacherEmail, string TeacherMobile, DateOnly VisitDate, int Pupils, int Staff, string YearGroup, IReadOnlyList<PupilNeed> Needs);

/// <summary>A need a teacher lists for the risk assessment: a code from the form's list, the pupil's first name and a free-text note.</summary>
public sealed record PupilNeed(string Code, string FirstName, string? Note);

/// <summary>School visits to the power station's visitor centre: teachers book a group, list pupils' needs for the risk assessment and get the joining pack.</summary>
[ApiController]
[Route("api/visitor-centres/{site}/bookings")]
public sealed class VisitorCentreBookingsController(
    IParentMessenger messenger,
    Pseudonymizer pseudonymizer,
    ILogger<VisitorCentreBookingsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Grid.SchoolsProgramme");
    private static readonly Meter Meter = new("Grid.SchoolsProgramme");
    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>("visitor_centre.bookings");
    private static readonly Histogram<int> GroupSize = Meter.CreateHistogram<int>("visitor_centre.group_size", "{person}");

    [HttpPost]
    public async Task<ActionResult> Book(string site, [FromBody] VisitBookingRequest request, CancellationToken ct)
    {
        var visitRef = $"VIS-{request.VisitDate:yyyyMMdd}-{request.SchoolUrn}";
        using var span = Source.StartStemvisitsOperation(site)
            .SetStemvisitsVisitRef(visitRef) // clean precision-names
            .SetStemvisitsSchoolUrn(request.SchoolUrn) // clean precision-names
            .SetStemvisitsGroupSize(request.Pupils + request.Staff); // clean precision-about
        GroupSize.Record(request.Pupils + request.Staff, new KeyValuePair<string, object?>("site", site), new KeyValuePair<string, object?>("year_group", request.YearGroup)); // clean precision-about
        span.Activity?.SetTag("visit.ratio", request.Staff == 0 ? 0 : (double)request.Pupils / request.Staff); // clean precision-about
        span.Activity?.SetTag("visit.needs", request.Needs.Select(n => n.Code).Distinct().ToArray()); // clean precision-about
        span.Activity?.SetTag("visit.needs.detail", string.Join("; ", request.Needs.Select(n => $"{n.FirstName}: {n.Code} {n.Note}"))); // leak TC1001 strings
        span.Activity?.SetTag(StemvisitsAttributes.Contact, request.TeacherMobile); // leak TC1001 generated-api
        logger.LogInformation("Visit {VisitRef} booked by {Teacher} <{Email}>", visitRef, request.TeacherName, request.TeacherEmail); // leak TC1001 direct

        if (request.Pupils > 60)
        {
            logger.LogStemvisitsBookingFailedEvent(site, "over-capacity", stemvisitsNote: $"{visitRef}: {request.Pupils} pupils, capacity 60"); // clean generated-api
            Bookings.Add(1, new KeyValuePair<string, object?>("site", site), new KeyValuePair<string, object?>("outcome", "over-capacity")); // clean precision-names
            return BadRequest("group too large");
        }

        var body = $"Hello {request.TeacherName}, your visit {visitRef} on {request.VisitDate:d} is confirmed. The joining pack is attached.";
        try
        {
            var receipt = await messenger.SendAsync(new ParentMessage("tpl-visit-confirmed", request.TeacherEmail, request.TeacherMobile, body), ct);
            span.Activity?.AddEvent(new ActivityEvent("visit.confirmation", tags: new ActivityTagsCollection { ["message.id"] = receipt.MessageId, ["status"] = receipt.Status })); // clean precision-names
        }
        catch (MessageDeliveryException ex)
        {
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Confirmation for {VisitRef} not delivered: {Status}", visitRef, ex.Status); // clean exceptions
        }
        Bookings.Add(1, new KeyValuePair<string, object?>("site", site), new KeyValuePair<string, object?>("outcome", "booked")); // clean precision-names
        return Ok(new { visitRef });
    }
}
