using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout44.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout44.Media;

/// <summary>A free ticket for the audience of a recording: named, because the studio checks ID at the door.</summary>
public sealed record AudienceTicket(string RecordingId, string TicketId, string HolderName, string HolderEmail, int PartySize, string? AccessRequirements);

/// <summary>The survey sent the morning after a recording; its tags are picked from the survey's list (sound, view, warm-up, queue).</summary>
public sealed record AudienceSurveyResponse(string ResponseId, string RecordingId, string TicketId, string HolderEmail, int Score, string? Comment, IReadOnlyList<string> Tags);

public interface IAudienceTickets
{
    Task<IReadOnlyList<AudienceTicket>> ForRecordingAsync(string recordingId, CancellationToken cancellationToken);
}

public sealed class AudienceAllocationException(string recordingId, int requested, int left)
    : Exception($"Recording {recordingId}: {requested} seats requested, {left} left");

/// <summary>Seats the audience of a studio recording and collects their feedback afterwards.</summary>
[ApiController]
[Route("audience")]
public sealed class StudioAudienceController(
    IAudienceTickets tickets,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<StudioAudienceController> logger) : ControllerBase
{
    private readonly Histogram<int> _scores = meter.CreateHistogram<int>("audience.survey.score", "{point}");

    [HttpGet("recordings/{recordingId}/door-list")]
    public async Task<ActionResult> DoorList(string recordingId, CancellationToken cancellationToken)
    {
        var list = await tickets.ForRecordingAsync(recordingId, cancellationToken);
        var activity = Activity.Current;
        activity?.SetTag("audience.recording", recordingId); // clean precision-names
        activity?.SetTag("audience.tickets", list.Count);
        activity?.SetTag("audience.seats", list.Sum(t => t.PartySize));
        activity?.SetTag("audience.access_requests", list.Count(t => t.AccessRequirements is not null)); // clean precision-about

        var needs = list.Where(t => t.AccessRequirements is not null).Select(t => new { t.TicketId, t.AccessRequirements }).ToList();
        logger.LogInformation("Access requirements for the floor manager: {@Needs}", needs); // leak TC1001 logging-objects
        logger.LogInformation("Door list of {Recording}: {Holders}", recordingId, list.Select(t => t.HolderName)); // leak TC1001 logging-objects
        return Ok(list);
    }

    [HttpPost("recordings/{recordingId}/allocate")]
    public ActionResult Allocate(string recordingId, int requested, int seatsLeft)
    {
        try
        {
            if (requested > seatsLeft)
            {
                throw new AudienceAllocationException(recordingId, requested, seatsLeft);
            }

            return Ok();
        }
        catch (AudienceAllocationException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            return BadRequest(ex.Message);
        }
    }

    [HttpPost("survey")]
    public ActionResult Survey([FromBody] AudienceSurveyResponse response)
    {
        var respondent = pseudonymizer.PseudonymizeVenueAttendeeId(response.HolderEmail);
        _scores.Record(response.Score, new KeyValuePair<string, object?>("recording", response.RecordingId)); // clean precision-names
        _scores.Record(response.Score, new KeyValuePair<string, object?>("respondent", respondent.Value)); // leak TC1003 precision-pseudonym
        Activity.Current?.SetTag("audience.survey.response", response.ResponseId); // clean precision-names
        Activity.Current?.SetTag("audience.survey.tags", string.Join(',', response.Tags)); // clean precision-about
        Activity.Current?.SetTag("audience.survey.email", response.HolderEmail); // leak TC1001 direct

        logger.LogVenueFeedbackReceivedEvent(response.RecordingId, venueAttendeeId: respondent); // clean precision-pseudonym
        if (response.Comment is { Length: > 0 } comment)
        {
            logger.LogInformation("Survey comment for {Recording}: {Comment}", response.RecordingId, comment); // leak TC1001 direct
        }

        logger.LogInformation("Survey {ResponseId} scored {Score}", response.ResponseId, response.Score);
        return Ok();
    }
}
