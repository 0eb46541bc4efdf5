namespace PrivacyHoldout124.Media;

/// <summary>
/// The streaming service's live premieres (a finale, a pay-per-view fight) fill the player servers at once:
/// viewers wait in a waiting room keyed by their account id and are admitted in waves before the start.
/// </summary>
public sealed class PremiereWaitingRoom(
    IWaitingRoomClient waitingRoom,
    ActivitySource source,
    ILogger<PremiereWaitingRoom> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly StreamliveWaitDurationHistogram _wait = meter.CreateStreamliveWaitDurationHistogram();
    private int _lastLength;

    public PremiereWaitingRoomGauge Gauge => new(_lastLength);

    public async Task<QueueEntry> JoinAsync(string premiere, string viewerId, string deviceId, CancellationToken ct)
    {
        using var span = source.StartStreamliveLive(premiere);
        var entry = await waitingRoom.EnqueueAsync($"wr-{premiere}", premiere, viewerId, ct);
        _lastLength = await waitingRoom.GetLengthAsync($"wr-{premiere}", ct);

        span.SetStreamliveQueueId(entry.WaitingRoomId).SetStreamliveQueuePosition(entry.Position).SetStreamliveQueueLength(_lastLength); // clean precision-about
        span.SetStreamliveViewerId(pseudonymizer.PseudonymizeStreamliveViewerId(viewerId)); // clean precision-pseudonym
        logger.LogInformation("Viewer on device {Device} joined {Premiere} at {Position}", deviceId, premiere, entry.Position); // leak TC1001 direct
        logger.LogDebug("Entry {QueueItem} for {Event}", entry.QueueItemId, entry.EventId); // clean precision-names
        return entry;
    }

    public async Task<string?> AdmitAsync(string premiere, QueueEntry entry, CancellationToken ct)
    {
        using var span = source.StartStreamliveLive(premiere);
        try
        {
            var token = await waitingRoom.AdmitAsync(entry.WaitingRoomId, entry.QueueItemId, ct);
            _wait.Record((DateTimeOffset.UtcNow - entry.EnteredAt).TotalSeconds, premiere, "admitted"); // clean precision-about
            logger.LogDebug("Admitted with {Token}", token); // leak TC1001 logging-objects
            span.Activity?.SetTag("admission.expires", token.ExpiresAt.ToString("O")); // clean precision-about
            return token.Token;
        }
        catch (WaitingRoomClosedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogStreamliveActionRejectedEvent(premiere, "closed", streamliveNote: ex.WaitingRoomId); // clean generated-api
            return null;
        }
    }

    public void Resume(string premiere, string presented)
    {
        try
        {
            waitingRoom.Validate($"wr-{premiere}", presented);
        }
        catch (InvalidAdmissionTokenException ex)
        {
            logger.LogWarning(ex, "Resume with a bad admission token for {Premiere}", premiere); // leak TC1001 exceptions
            Activity.Current?.SetTag("admission.token.length", presented.Length); // clean precision-about
        }
    }
}

/// <summary>The waiting room's length as last observed, for the ops dashboard.</summary>
public readonly record struct PremiereWaitingRoomGauge(int Length);
