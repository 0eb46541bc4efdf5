namespace PrivacyHoldout105.Media;

/// <summary>
/// Replays raw playback events from the archive into the enriched stream: after a schema fix (by time and event
/// names) or for a subject access request (by the visitor ids of one subscriber's devices). Requests are made by
/// data engineers, who are named by their work email. The reason is one of <c>schema-fix</c>, <c>backfill</c>,
/// <c>subject-access</c>. Raw lines are tracker payloads: <c>duid</c> the device's anonymous id, <c>uid</c> the
/// subscriber's id.
/// </summary>
public sealed class PlaybackEventReplayer(
    IRawEventArchive archive,
    IEventStream stream,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<PlaybackEventReplayer> logger)
{
    private readonly Counter<long> _replayed = meter.CreateCounter<long>("media.replay.lines", "{line}");
    private readonly Counter<int> _jobs = meter.CreateCounter<int>("media.replay.jobs", "{job}");

    public async Task<ReplayCheckpoint> ReplayAsync(ReplayRequest request, CancellationToken ct)
    {
        var filter = request.Filter;
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartViewclickSync(request.Target).SetViewclickNote(request.Reason); // clean generated-api
        logger.LogInformation("Replay {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Replay {JobId} for {Reason} from {From} to {To}", request.JobId, request.Reason, filter.From, filter.To); // clean precision-names
        logger.LogInformation("Replay filter: {VisitorCount} visitors, events {Events}", filter.VisitorIds.Count, filter.EventNames); // clean precision-about
        if (request.Reason == "subject-access")
        {
            logger.LogInformation("Subject access replay for visitors {Visitors}", filter.VisitorIds); // leak TC1001 logging-objects
            Activity.Current?.SetBaggage("media.replay.visitor", pseudonymizer.ComputeViewclickVisitorId(filter.VisitorIds[0])); // clean precision-pseudonym
        }
        _jobs.Add(1, new KeyValuePair<string, object?>("replay.requested_by", request.RequestedBy)); // leak TC1003 direct

        long replayed = 0, skipped = 0;
        var checkpoint = new ReplayCheckpoint(request.JobId, string.Empty, 0, 0, 0);
        try
        {
            await foreach (var obj in archive.ListAsync("playback", filter.From, filter.To, ct))
            {
                logger.LogDebug("Reading {Object}", obj); // clean logging-objects
                await foreach (var line in archive.ReadAsync(obj, 0, ct))
                {
                    string? visitor, eventName, subscriber;
                    try
                    {
                        using var doc = JsonDocument.Parse(line.Payload);
                        visitor = doc.RootElement.GetProperty("duid").GetString();
                        eventName = doc.RootElement.GetProperty("e").GetString();
                        subscriber = doc.RootElement.TryGetProperty("uid", out var uid) ? uid.GetString() : null;
                    }
                    catch (JsonException ex)
                    {
                        logger.LogWarning(ex, "Unparseable line {Key}:{Offset}", line.ObjectKey, line.Offset); // clean exceptions
                        logger.LogWarning("Unparseable line {Line}", line); // leak TC1001 logging-objects
                        skipped++;
                        continue;
                    }

                    if (filter.VisitorIds.Count > 0 && !filter.VisitorIds.Contains(visitor ?? string.Empty))
                    {
                        skipped++;
                        continue;
                    }
                    if (filter.EventNames.Count > 0 && !filter.EventNames.Contains(eventName ?? string.Empty))
                    {
                        logger.LogViewclickEventRejectedEvent(eventName ?? "unknown", "filtered", viewclickVisitorId: pseudonymizer.PseudonymizeViewclickVisitorId(visitor ?? string.Empty)); // clean precision-pseudonym
                        skipped++;
                        continue;
                    }

                    if (request.Reason == "subject-access")
                    {
                        Activity.Current?.SetTag("media.replay.visitor", visitor); // leak TC1001 direct
                        Activity.Current?.SetTag("media.replay.subscriber", subscriber); // leak TC1001 cross-member
                    }
                    Activity.Current?.AddEvent(new ActivityEvent("replay.line", tags: new ActivityTagsCollection { ["object"] = line.ObjectKey, ["offset"] = line.Offset })); // clean precision-names
                    await stream.PutAsync(request.Target, visitor ?? line.ObjectKey, Encoding.UTF8.GetBytes(line.Payload), ct);
                    replayed++;
                    checkpoint = checkpoint with { ObjectKey = obj.Key, LineOffset = line.Offset, Replayed = replayed, Skipped = skipped };
                }
                logger.LogInformation("Checkpoint {Checkpoint}", checkpoint); // clean logging-objects
            }
        }
        catch (ArchiveCorruptException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }

        span.SetViewclickEventCount((int)replayed); // clean generated-api
        _replayed.Add(replayed, new KeyValuePair<string, object?>("replay.job", request.JobId.ToString()), new KeyValuePair<string, object?>("replay.reason", request.Reason)); // clean precision-names
        meter.CreateViewclickSyncDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, request.Target, viewclickOutcome: request.Reason); // clean generated-api
        return checkpoint;
    }
}
