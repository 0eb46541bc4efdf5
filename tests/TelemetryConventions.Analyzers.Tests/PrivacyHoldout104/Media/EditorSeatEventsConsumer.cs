namespace PrivacyHoldout104.Media;

public sealed record EditorSeatEvent(string Kind, string BroadcasterId, string EditorId, string EditorEmail, string Sku);

/// <summary>
/// Consumes the <c>editor-seats</c> topic (keyed by broadcaster id) that the admin app writes when a
/// broadcaster's editors and operators are invited, take a seat or leave, and keeps the seat counts
/// billing reads.
/// </summary>
public sealed class EditorSeatEventsConsumer(
    IConsumer<string, EditorSeatEvent> consumer,
    ISeatLedger seats,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<EditorSeatEventsConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Broadcastr.Seats");
    private static readonly Meter Meter = new("Broadcastr.Seats");
    private static readonly BroadcastrSeatsBilledCounter SeatsBilled = Meter.CreateBroadcastrSeatsBilledCounter();
    private static readonly Counter<long> SeatEvents = Meter.CreateCounter<long>("broadcastr.seat.events");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var seatEvent = result.Message.Value;
            using var span = Source.StartBroadcastrTenantAdmin(seatEvent.BroadcasterId);
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            span.Activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            SeatEvents.Add(1, new KeyValuePair<string, object?>("kind", seatEvent.Kind), new KeyValuePair<string, object?>("sku", seatEvent.Sku)); // clean precision-names
            logger.LogDebug("Seat event {Event}", seatEvent); // leak TC1001 logging-objects
            logger.LogDebug("Seat event {Kind} for broadcaster {BroadcasterId}", seatEvent.Kind, seatEvent.BroadcasterId); // clean precision-names

            if (seatEvent.Kind == "assigned")
            {
                try
                {
                    await seats.AssignAsync(seatEvent.BroadcasterId, seatEvent.EditorId, seatEvent.EditorEmail, seatEvent.Sku);
                    span.SetBroadcastrUserId(pseudonymizer.PseudonymizeBroadcastrUserId(seatEvent.EditorId)); // clean precision-pseudonym
                    SeatsBilled.Add(1, seatEvent.BroadcasterId, null, "assigned"); // clean generated-api
                }
                catch (SeatLimitReachedException full)
                {
                    span.RecordException(full, includeMessage: true).SetBroadcastrOutcome("seat_limit"); // clean exceptions
                    logger.LogWarning("No seat left for {EditorEmail}", seatEvent.EditorEmail); // leak TC1001 cross-member
                }
            }
            else if (seatEvent.Kind == "left")
            {
                var active = await seats.ActiveSeatsAsync(seatEvent.BroadcasterId);
                var seat = active.FirstOrDefault(s => s.UserId == seatEvent.EditorId);
                if (seat is not null)
                {
                    await seats.ReleaseAsync(seat.SeatId);
                    logger.LogInformation("Editor {EditorId} left broadcaster {BroadcasterId}", seatEvent.EditorId, seatEvent.BroadcasterId); // leak TC1001 cross-member
                    span.Activity?.SetTag("broadcastr.seat.id", seat.SeatId); // clean precision-names
                    span.Activity?.SetTag("broadcastr.seat.held_days", (DateTimeOffset.UtcNow - seat.AssignedAt).TotalDays); // clean precision-about
                    span.Activity?.SetTag("broadcastr.seat.editor", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(seat.Email)))); // leak TC1002 hashes
                }
            }

            consumer.Commit(result);
        }
    }
}
