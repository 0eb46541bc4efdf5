using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout19.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout19.Media;

/// <summary><c>GET /profiles/{profileId}/progress/stream</c>: server-sent progress updates for the "continue watching" row.</summary>
public sealed class ContinueWatchingStream(IProfiles profiles, ILogger<ContinueWatchingStream> logger, Pseudonymizer pseudonymizer)
{
    public IResult Open([FromRoute] Guid profileId, [FromHeader(Name = "Last-Event-ID")] string? lastEventId, HttpContext http)
    {
        var subscriberId = http.User.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (subscriberId is null)
        {
            return TypedResults.Unauthorized();
        }

        Baggage.SetBaggage("subscriber.ref", pseudonymizer.ComputeAppUserId(subscriberId)); // clean precision-pseudonym
        Baggage.SetBaggage("subscriber.id", subscriberId); // leak TC1001 direct
        logger.LogInformation("Progress stream opened on connection {ConnectionId}, resuming after {LastEventId}", http.Connection.Id, lastEventId ?? "(start)"); // clean precision-names
        return TypedResults.ServerSentEvents(StreamAsync(profileId, lastEventId, http.RequestAborted));
    }

    private async IAsyncEnumerable<SseItem<ProgressUpdate>> StreamAsync(Guid profileId, string? lastEventId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sent = 0;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await foreach (var update in profiles.ProgressAsync(profileId, lastEventId, cancellationToken))
            {
                sent++;
                if (update.PositionSeconds >= update.DurationSeconds - 60)
                {
                    Activity.Current?.AddEvent(new ActivityEvent("title.finished", tags: new ActivityTagsCollection { ["title"] = update.TitleId, ["profile"] = profileId })); // leak TC1001 cross-member
                }

                yield return new SseItem<ProgressUpdate>(update, "progress") { EventId = update.EventId };
            }
        }
        finally
        {
            logger.LogInformation("Progress stream ended: {Sent} events in {Elapsed}", sent, Stopwatch.GetElapsedTime(started)); // clean precision-about
            logger.LogDebug("Progress stream of profile {ProfileId} ended", profileId); // leak TC1001 direct
        }
    }
}
