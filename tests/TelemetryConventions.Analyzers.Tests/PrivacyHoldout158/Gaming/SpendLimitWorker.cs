namespace PrivacyHoldout158.Gaming;

/// <summary>Applies spend limits that players set through the helpline and records what they tried to buy over them.</summary>
public sealed class SpendLimitWorker(IQueueReceiver<SelfExclusion> limits, ActivitySource source, Meter meter, ILogger<SpendLimitWorker> logger) : BackgroundService
{
    private static readonly Histogram<double> Attempts = new Meter("Helplines.SpendLimits").CreateHistogram<double>("saferplay.over_limit.amount");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var limit = await limits.ReceiveAsync(stoppingToken);
            if (limit is null)
            {
                continue;
            }

            using var span = source.StartSaferplayOperation("eu-west");
            span.SetSaferplayLimitCount(1); // clean generated-api
            span.SetSaferplayNote($"Limit for {limit.Months} months"); // clean generated-api
            span.SetSaferplayNote($"Limit set by {limit.Gamertag}"); // leak TC1001 generated-api
            Attempts.Record(limit.Months * 10.0, new KeyValuePair<string, object?>("gamertag", limit.Gamertag)); // leak TC1003 direct
            Attempts.Record(limit.Months * 10.0, new KeyValuePair<string, object?>("tool", "spend-limit")); // clean precision-names
            meter.CreateSaferplayInterventionsCounter().Add(1, "eu-west", saferplayOutcome: limit.Email); // leak TC1003 generated-api
            logger.LogInformation("Limit applied for {PlayerCount} player, {Months} months", 1, limit.Months); // clean precision-names
            Activity.Current?.SetTag(SaferplayAttributes.Contact, limit.Email); // leak TC1001 generated-api
        }
    }
}
