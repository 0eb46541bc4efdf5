namespace PrivacyHoldout202.Transport;

public sealed record ShuttleSeatRequest(string RouteId, string LessonId, string SwimmerRef, string ChildName, string ParentMobile, string PickupStop);

/// <summary>The free shuttle bus that takes children from schools to swimming lessons at the leisure centres.</summary>
[ApiController]
[Route("api/swim-shuttle")]
public sealed class SwimShuttleController(ISwimSchool school, ActivitySource source, Pseudonymizer pseudonymizer, ILogger<SwimShuttleController> logger) : ControllerBase
{
    [HttpPost("seat")]
    public async Task<ActionResult> Seat([FromBody] ShuttleSeatRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartParkswimOperation(request.PickupStop);
        span.SetParkswimMemberId(pseudonymizer.PseudonymizeParkswimMemberId(request.SwimmerRef)); // clean precision-pseudonym
        span.SetParkswimNote($"route {request.RouteId} stop {request.PickupStop}"); // clean generated-api
        Activity.Current?.SetTag("shuttle.route", request.RouteId); // clean precision-names
        Activity.Current?.SetTag("shuttle.stop", request.PickupStop); // clean precision-names
        Activity.Current?.SetTag("shuttle.swimmer_ref", request.SwimmerRef); // leak TC1001 direct
        Activity.Current?.SetTag("shuttle.child", request.ChildName); // leak TC1001 direct
        Activity.Current?.SetTag(ParkswimAttributes.Contact, pseudonymizer.Compute("parent", request.ParentMobile)); // leak TC1001 precision-pseudonym
        try
        {
            var lesson = await school.LessonAsync(request.LessonId, cancellationToken);
            logger.LogInformation("Seat on {RouteId} for lesson {LessonId} at {Pool} {StartsAt}", request.RouteId, lesson.LessonId, lesson.Pool, lesson.StartsAt); // clean precision-names
            logger.LogInformation("Seat for {ChildName} on {RouteId}", request.ChildName, request.RouteId); // leak TC1001 direct
            logger.LogInformation("Seat request {Request}", request with { ParentMobile = request.ParentMobile[..3] }); // leak TC1001 logging-objects
            return Ok(lesson.LessonId);
        }
        catch (ChildNotEligibleException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            return BadRequest("stage");
        }
        catch (LessonFullException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning("Lesson full: {Message}", ex.Message); // clean exceptions
            return BadRequest("full");
        }
    }
}
