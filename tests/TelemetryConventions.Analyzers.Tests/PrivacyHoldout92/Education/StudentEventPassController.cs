namespace PrivacyHoldout92.Education;

/// <summary>A student buying a pass for a students' union event, with an optional guest.</summary>
public sealed record EventPassOrder(string StudentNumber, string EventId, string? GuestName, string? PromoCode);

/// <summary>A pass handed from one student to another.</summary>
public sealed record PassHandover(string PassId, string FromStudentNumber, string ToStudentNumber);

/// <summary>Thrown when a student already holds a pass for the event: <c>Student {number} already holds pass {pass}.</c></summary>
public sealed class DuplicatePassException(string studentNumber, string passId)
    : Exception($"Student {studentNumber} already holds pass {passId}.");

/// <summary>Thrown when the event is sold out: <c>Event {event} is sold out ({capacity} passes).</c></summary>
public sealed class EventSoldOutException(string eventId, int capacity)
    : Exception($"Event {eventId} is sold out ({capacity} passes).");

public interface IEventPasses
{
    Task<string> IssueAsync(EventPassOrder order, decimal price, CancellationToken cancellationToken);

    Task HandOverAsync(PassHandover handover, CancellationToken cancellationToken);

    Task<int> RemainingAsync(string eventId, CancellationToken cancellationToken);
}

/// <summary>The students' union's event passes: summer ball, freshers' nights, society dinners.</summary>
[ApiController]
[Route("api/events/{eventId}/passes")]
public sealed class StudentEventPassController(IEventPasses passes, IPromotionEngine promotions, Pseudonymizer pseudonymizer, ILogger<StudentEventPassController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Union.EventPasses");
    private static readonly Meter Meter = new("Union.EventPasses");
    private static readonly Counter<long> PromoUses = Meter.CreateCounter<long>("hallpass.promo.uses");

    [HttpPost("")]
    public async Task<ActionResult> BuyAsync(string eventId, [FromBody] EventPassOrder order, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("union.event_pass.buy");
        var span = new HallpassIssueSpan(activity);
        span.SetHallpassCandidateId(pseudonymizer.PseudonymizeHallpassCandidateId(order.StudentNumber)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("union.event", eventId); // clean precision-names
        Activity.Current?.SetBaggage("union.student", order.StudentNumber); // leak TC1001 direct
        var price = 35m;
        if (order.PromoCode is { } typed)
        {
            var code = await promotions.FindAsync(typed, cancellationToken);
            if (code is null)
            {
                logger.LogInformation("Promo code {Code} matched nothing", typed); // leak TC1001 direct
                logger.LogInformation("A {Length}-character promo code matched nothing", typed.Length); // clean precision-about
            }
            else if (code.Kind == CodeKind.Campaign)
            {
                PromoUses.Add(1, new KeyValuePair<string, object?>("hallpass.promo", code.Code)); // clean precision-names
                price = 28m;
            }
            else
            {
                // Single-use codes the welfare team issues to one student (hardship, volunteers).
                logger.LogInformation("Single-use code {Code} used", code.Code); // leak TC1001 direct
                logger.LogInformation("Single-use code of campaign {Campaign} used", code.CampaignId); // clean precision-names
                price = 0m;
            }
        }

        try
        {
            var passId = await passes.IssueAsync(order, price, cancellationToken);
            span.SetHallpassTicketId(passId).SetHallpassOutcome("issued");
            span.Activity?.SetTag("hallpass.guest", order.GuestName is not null); // clean precision-about
            span.SetHallpassNote($"guest {order.GuestName}"); // leak TC1001 generated-api
            return Ok(passId);
        }
        catch (DuplicatePassException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            return BadRequest("You already hold a pass for this event.");
        }
        catch (EventSoldOutException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogInformation("{Remaining} passes left for {Event}", await passes.RemainingAsync(eventId, cancellationToken), eventId); // clean precision-about
            return BadRequest("Sold out.");
        }
    }

    [HttpPost("handover")]
    public async Task<ActionResult> HandOverAsync(string eventId, [FromBody] PassHandover handover, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("union.event_pass.handover");
        var span = new HallpassIssueSpan(activity);
        await passes.HandOverAsync(handover, cancellationToken);
        logger.LogInformation("Pass {PassId} handed over for {Event}", handover.PassId, eventId); // clean precision-names
        logger.LogInformation("Handover {Handover}", handover); // leak TC1001 logging-objects
        span.SetHallpassNote($"{handover.FromStudentNumber} -> {handover.ToStudentNumber}"); // leak TC1001 generated-api
        span.Activity?.SetTag("hallpass.handover.to", pseudonymizer.ComputeHallpassCandidateId(handover.ToStudentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("hallpass.handover.same_year", handover.FromStudentNumber[..2] == handover.ToStudentNumber[..2]); // clean precision-about
        return Ok();
    }
}
