namespace PrivacyHoldout173.Healthcare;

/// <summary>Sends final numbers for the trust's events (staff dinners, chapel receptions) to the catering supplier each night.</summary>
public sealed class EventCateringWorker(
    IGuestStore guests,
    ILogger<EventCateringWorker> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Events.Catering");
    private static readonly Meter Meter = new("Trust.Events.Catering");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var operations = Meter.CreateWardeventsOperationsCounter();
        foreach (var eventId in new[] { "evt-awards-2026", "evt-chapel-reception" })
        {
            using var span = Source.StartWardeventsOperation("ward-chapel");
            var list = await guests.ForEventAsync(eventId, stoppingToken);
            span.SetWardeventsItemCount(list.Count); // clean generated-api
            span.SetWardeventsEventType("dinner"); // clean generated-api

            var numbers = new CateringNumbers(eventId, list.Count, list.GroupBy(g => g.DietCode).ToDictionary(g => g.Key, g => g.Count()));
            logger.LogInformation("Final numbers {@Numbers}", numbers); // clean logging-objects

            foreach (var guest in list.Where(g => g.DietaryNote is not null))
            {
                span.SetWardeventsGuestId(pseudonymizer.PseudonymizeWardeventsGuestId(guest.GuestId)); // clean generated-api
                span.SetWardeventsNote($"{guest.FullName}: {guest.DietaryNote}"); // leak TC1001 generated-api
                logger.LogInformation("Special meal for guest {Guest}", guest); // leak TC1001 logging-objects
                logger.LogInformation("Special meal at table {Table} ({Diet})", guest.TableNumber, guest.DietCode); // clean precision-about
            }

            try
            {
                var missing = list.FirstOrDefault(g => g.TableNumber == 0) ?? throw new GuestNotFoundException(list.FirstOrDefault()?.GuestId ?? "none");
                span.SetWardeventsOutcome("sent"); // clean generated-api
            }
            catch (GuestNotFoundException ex)
            {
                span.RecordException(ex); // clean exceptions
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogWardeventsOperationFailedEvent("ward-chapel", "unseated", wardeventsNote: ex.Message); // leak TC1001 generated-api
                operations.Add(1, "ward-chapel", ex.GetType().Name); // clean exceptions
            }
            catch (CatererPortalUnavailableException ex)
            {
                logger.LogError(ex, "Caterer portal down for {EventId}", eventId); // clean exceptions
                span.SetWardeventsOutcome(ex.Message); // clean exceptions
            }

            var first = list.FirstOrDefault();
            if (first is not null)
            {
                var bucket = first.Email.GetHashCode() % 16;
                logger.LogDebug("Sample bucket {Bucket}", bucket); // leak TC1002 hashes
                var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(first.Email)))[..10];
                logger.LogDebug("Sample key {Key}", keyed); // clean hashes
                operations.Add(1, "ward-chapel", pseudonymizer.ComputeWardeventsGuestId(first.GuestId)); // leak TC1003 generated-api
            }
        }
    }
}
