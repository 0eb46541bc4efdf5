namespace PrivacyHoldout190.Gaming;

public sealed record PlaytimeLimitChange(string HouseholdId, string ChildPlayerId, string ChildGamertag, string ParentEmail, int MinutesPerDay, string ConsoleSerial);

/// <summary>Applies parents' playtime limits to the household's consoles.</summary>
public sealed class ParentalControlsWorker(IQueueReceiver<PlaytimeLimitChange> queue, IHouseholdStore households, ILogger<ParentalControlsWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Gaming.ParentalControls");
    private PlaytimeLimitChange? _pending;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            _pending = await queue.ReceiveAsync(stoppingToken);
            if (_pending is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("parental.limit.apply");
            activity?.SetTag("parental.minutes_per_day", _pending.MinutesPerDay); // clean precision-about
            activity?.SetTag("parental.child", _pending.ChildGamertag); // leak TC1001 direct
            activity?.SetTag("parental.parent_email", _pending.ParentEmail); // leak TC1001 direct
            try
            {
                var household = await households.FindAsync(_pending.HouseholdId, stoppingToken) ?? throw new HouseholdNotFoundException(_pending.HouseholdId);
                activity?.SetTag("parental.household.region", household.Region); // clean precision-about
                Report();
            }
            catch (HouseholdNotFoundException ex)
            {
                logger.LogError(ex, "Limit not applied"); // leak TC1001 exceptions
                activity?.SetStatus(ActivityStatusCode.Error, $"limit not applied: {ex.Message}"); // leak TC1001 exceptions
                activity?.SetTag("error.type", nameof(HouseholdNotFoundException)); // clean exceptions
            }
        }
    }

    private void Report()
    {
        logger.LogInformation("Applied limit for child {ChildPlayerId}", _pending?.ChildPlayerId); // leak TC1001 cross-member
        logger.LogInformation("Applied limit {Minutes} min/day", _pending?.MinutesPerDay); // clean cross-member
        logger.LogInformation("Applied limit: " + _pending?.ChildGamertag + " -> " + _pending?.MinutesPerDay); // leak TC1001 strings
    }
}
