namespace PrivacyHoldout95.Transport;

/// <summary>A penalty fare notice for the print and post vendor, written to the outbox when an inspector's notice is confirmed.</summary>
public sealed record PenaltyNoticeIssued(string NoticeNumber, string PassengerName, string AddressLine1, string Postcode, string CardNumber, string Route, decimal Amount, DateOnly IssuedOn);

public interface IPrintVendor
{
    Task<string> SubmitAsync(string payload, CancellationToken cancellationToken = default);
}

/// <summary>The vendor's address validation refused the notice; quotes the postcode it could not match.</summary>
public sealed class AddressNotMatchedException(string postcode) : Exception($"Address not matched for postcode {postcode}");

/// <summary>The vendor's SFTP drop is full or offline; fixed text with the vendor's code.</summary>
public sealed class VendorDropUnavailableException(string code) : Exception($"Vendor drop unavailable ({code})");

/// <summary>
/// Relays penalty notices from the revenue protection outbox to the print vendor, with an inbox so that a notice relayed
/// twice after a crash is not printed twice. Unmatched addresses are dead-lettered for the back office to correct.
/// </summary>
public sealed class PenaltyNoticeRelay(
    IOutboxStore outbox,
    IInboxStore inbox,
    IDeadLetterStore deadLetters,
    IPrintVendor vendor,
    Pseudonymizer pseudonymizer,
    IOptions<JobOptions> options,
    TimeProvider time,
    Meter meter,
    ILogger<PenaltyNoticeRelay> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Transit.Revenue.Outbox");
    private readonly Counter<long> _relayed = meter.CreateCounter<long>("fleetjobs.notices.relayed", "{notice}");
    private string? _lastNotice;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            logger.LogDebug("Polling penalty notices; last relayed {NoticeNumber}", _lastNotice); // clean cross-member
            foreach (var message in await outbox.FetchUnprocessedAsync(options.Value.BatchSize, time.GetUtcNow(), stoppingToken))
            {
                var notice = JsonSerializer.Deserialize<PenaltyNoticeIssued>(message.Content)!;
                _lastNotice = notice.NoticeNumber;
                using var span = Source.StartFleetjobsOutboxDispatch(message.Type)
                    .SetFleetjobsJobKey(notice.NoticeNumber) // clean precision-names
                    .SetFleetjobsRiderId(pseudonymizer.PseudonymizeFleetjobsRiderId(notice.CardNumber));
                span.Activity?.SetTag("fleetjobs.notice.route", notice.Route); // clean precision-names
                span.Activity?.SetTag("fleetjobs.notice.amount", notice.Amount);

                if (!await inbox.TryRecordAsync($"notice:{notice.NoticeNumber}", time.GetUtcNow(), stoppingToken))
                {
                    logger.LogInformation("Notice {NoticeNumber} already relayed; dropping duplicate", notice.NoticeNumber); // clean precision-names
                    await outbox.MarkProcessedAsync(message.Id, time.GetUtcNow(), stoppingToken);
                    continue;
                }

                try
                {
                    var vendorReference = await vendor.SubmitAsync(message.Content, stoppingToken);
                    await outbox.MarkProcessedAsync(message.Id, time.GetUtcNow(), stoppingToken);
                    logger.LogInformation("Notice {NoticeNumber} for {Passenger} submitted as {VendorReference}", notice.NoticeNumber, notice.PassengerName, vendorReference); // leak TC1001 direct
                    _relayed.Add(1, new KeyValuePair<string, object?>("fleetjobs.outcome", "submitted")); // clean precision-names
                }
                catch (AddressNotMatchedException ex)
                {
                    await deadLetters.AddAsync(new DeadLetter(message.Id, "penalty-notices", message.Type, message.Content, DeadLetterReason.ValidationFailed, message.Attempts + 1, time.GetUtcNow()) { ErrorMessage = ex.Message }, stoppingToken);
                    await outbox.DeleteAsync(message.Id, stoppingToken);
                    span.SetFleetjobsOutcome("dead_lettered").SetStatus(ActivityStatusCode.Error, nameof(AddressNotMatchedException)); // clean exceptions
                    logger.LogFleetjobsJobDeadLetteredEvent("penalty-notice-relay", "address_not_matched", message.Attempts + 1, pseudonymizer.PseudonymizeFleetjobsRiderId(notice.CardNumber), $"{notice.NoticeNumber}: {notice.AddressLine1}, {notice.Postcode}"); // leak TC1001 generated-api
                    span.Activity?.SetTag("fleetjobs.notice.postcode_district", notice.Postcode.Split(' ')[0]); // clean precision-about
                }
                catch (VendorDropUnavailableException ex)
                {
                    var delay = Backoff.Exponential(message.Attempts + 1, options.Value.BaseDelay, options.Value.MaxDelay);
                    await outbox.MarkFailedAsync(message.Id, ex.Message, time.GetUtcNow() + delay, stoppingToken);
                    span.RecordException(ex, includeMessage: true).SetFleetjobsOutcome("retrying");
                    logger.LogWarning(ex, "Vendor drop down; notice {NoticeNumber} retries in {Delay}", notice.NoticeNumber, delay); // clean exceptions
                }
            }
        }
    }
}

/// <summary>The back office's page of notices waiting for an address correction.</summary>
public static class PenaltyNoticeDeadLetterEndpoints
{
    public static void Map(EndpointRoutes routes)
    {
        routes.MapGet("/ops/penalty-notices/dead-letters", async (IDeadLetterStore store, ILogger<PenaltyNoticeDeadLetterPage> logger, CancellationToken cancellationToken) =>
        {
            var letters = await store.ListAsync("penalty-notices", 200, cancellationToken);
            var oldest = letters.Count == 0 ? TimeSpan.Zero : DateTimeOffset.UtcNow - letters.Min(l => l.DeadLetteredAt);
            logger.LogInformation("Penalty notice dead letters: {Count}, oldest {Oldest}", letters.Count, oldest); // clean precision-about
            foreach (var letter in letters.Where(l => l.Attempts > 3))
            {
                logger.LogWarning("Long-stuck notice {Id}: {Payload}", letter.Id, letter.Payload); // leak TC1001 strings
            }
            return letters;
        });
    }
}

public sealed class PenaltyNoticeDeadLetterPage;
