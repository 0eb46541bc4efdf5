namespace PrivacyHoldout166.Transport;

public interface IOnboardCards
{
    Task<PlayersCard?> FindByBookingAsync(string bookingReference, CancellationToken cancellationToken);

    Task BarAsync(string cardNumber, CancellationToken cancellationToken);
}

/// <summary>Before sailing, matches the scheme's registrations against the manifest and bars players' cards.</summary>
public sealed partial class CabinSelfExclusionWorker(
    IExclusionRegister register,
    IOnboardCards cards,
    TelemetrySecrets secrets,
    ILogger<CabinSelfExclusionWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("OnboardPlay.Exclusion");
    private static readonly Meter Meter = new("OnboardPlay.Exclusion");
    private static readonly Counter<long> Barred = Meter.CreateCounter<long>("onboardplay.cards.barred");

    [LoggerMessage(Level = LogLevel.Information, Message = "Barred card {CardNumber} for scheme reference {SchemeReference}")]
    private partial void CardBarred([PrivateData] string cardNumber, [PrivateData] string schemeReference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration for {FullName} has no card onboard")]
    private partial void NoCard(string fullName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var activity = Source.StartActivity("exclusion.sync");
        var changes = await register.ChangesSinceAsync(DateTimeOffset.UtcNow.AddDays(-1), stoppingToken);
        activity?.SetTag("exclusion.changes", changes.Count); // clean precision-about

        foreach (var registration in changes)
        {
            var card = await cards.FindByBookingAsync(registration.SchemeReference, stoppingToken);
            if (card is null)
            {
                NoCard(registration.FullName); // leak TC1001 direct
                activity?.AddEvent(new ActivityEvent("exclusion.unmatched", tags: new ActivityTagsCollection { ["scheme.ref"] = registration.SchemeReference })); // leak TC1001 direct
                activity?.AddEvent(new ActivityEvent("exclusion.unmatched.status", tags: new ActivityTagsCollection { ["status"] = registration.Status })); // clean precision-about
                continue;
            }

            try
            {
                await cards.BarAsync(card.CardNumber, stoppingToken);
                CardBarred(card.CardNumber, registration.SchemeReference); // clean direct
                Barred.Add(1, new KeyValuePair<string, object?>("status", registration.Status)); // clean precision-about
                var bucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(card.CardNumber))[0] % 8;
                activity?.SetTag("exclusion.bucket", bucket); // clean hashes
                activity?.SetTag("exclusion.card_hash", card.CardNumber.GetHashCode()); // leak TC1002 hashes
            }
            catch (CardBarredException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
            }
            catch (ExclusionSchemeUnavailableException ex)
            {
                activity?.AddException(ex); // clean exceptions
                logger.LogError(ex, "Scheme returned {Status}", ex.Status); // clean exceptions
            }
        }

        logger.LogInformation("Exclusion sync done, {Count} registrations", changes.Count); // clean precision-about
        logger.LogInformation("Exclusion sync done: {Registrations}", changes); // leak TC1001 logging-objects
    }
}
