using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout44.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout44.Education;

public sealed record HallsArrival(string StudentNumber, string PreferredName, string Hall, string Room, string KeyFobSerial, DateTimeOffset ArrivalSlot, string? UnloadingVehicleRegistration);

public sealed record ArrivalFeedback(string StudentNumber, string Hall, int Rating, string? Comment, bool WouldRecommend);

public interface IResidenceSystem
{
    Task<HallsArrival?> FindArrivalAsync(string studentNumber, CancellationToken cancellationToken);

    Task ConfirmKeysIssuedAsync(string studentNumber, string keyFobSerial, CancellationToken cancellationToken);
}

/// <summary>The arrivals weekend desk in each hall, and the survey sent at the end of the first week.</summary>
[ApiController]
[Route("halls/arrivals")]
public sealed partial class HallsArrivalController(
    IResidenceSystem residences,
    Pseudonymizer pseudonymizer,
    ILogger<HallsArrivalController> logger) : ControllerBase
{
    [HttpPost("{studentNumber}/keys")]
    public async Task<ActionResult> IssueKeys(string studentNumber, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var arrival = await residences.FindArrivalAsync(studentNumber, cancellationToken);
        if (arrival is null)
        {
            LogNoArrival(studentNumber); // leak TC1001 direct
            return NotFound();
        }

        activity?.SetTag("halls.hall", arrival.Hall);
        activity?.SetTag("halls.room", arrival.Room); // clean precision-names
        activity?.SetTag("halls.key_fob", arrival.KeyFobSerial); // clean precision-names
        activity?.SetTag("halls.arrival_hour", arrival.ArrivalSlot.Hour);
        activity?.SetTag("halls.student", pseudonymizer.ComputeVenueAttendeeId(studentNumber)); // clean precision-pseudonym

        if (arrival.UnloadingVehicleRegistration is { } registration)
        {
            activity?.AddEvent(new ActivityEvent("halls.unloading_bay_booked", tags: new ActivityTagsCollection { ["vehicle"] = registration })); // leak TC1001 direct
        }

        await residences.ConfirmKeysIssuedAsync(studentNumber, arrival.KeyFobSerial, cancellationToken);
        logger.LogInformation("Keys for {Hall} room {Room} issued to {PreferredName}", arrival.Hall, arrival.Room, arrival.PreferredName); // leak TC1001 direct
        return Ok(new { arrival.Hall, arrival.Room });
    }

    [HttpPost("feedback")]
    public ActionResult Feedback([FromBody] ArrivalFeedback feedback)
    {
        var respondent = pseudonymizer.PseudonymizeVenueAttendeeId(feedback.StudentNumber);
        logger.LogDebug("Arrival feedback received {Feedback}", feedback); // leak TC1001 logging-objects
        logger.LogVenueFeedbackReceivedEvent($"halls-arrivals-{feedback.Hall}", venueAttendeeId: respondent, venueNote: $"rating {feedback.Rating}, recommend {feedback.WouldRecommend}"); // clean precision-pseudonym
        if (!string.IsNullOrWhiteSpace(feedback.Comment))
        {
            logger.LogVenueFeedbackReceivedEvent($"halls-arrivals-{feedback.Hall}", venueAttendeeId: respondent, venueNote: feedback.Comment); // leak TC1001 generated-api
            Activity.Current?.SetTag("halls.feedback.comment_length", feedback.Comment.Length); // clean precision-about
        }

        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No arrival booked for {StudentNumber}")]
    private partial void LogNoArrival(string studentNumber);
}
