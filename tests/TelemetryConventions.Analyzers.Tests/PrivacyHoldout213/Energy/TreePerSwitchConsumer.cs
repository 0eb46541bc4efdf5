namespace PrivacyHoldout213.Energy;

public sealed record SwitchCompleted(string AccountNumber, string HolderName, string Email, string Postcode, string Tariff, string MeterSerial);

/// <summary>A supplier plants a tree for every customer who switches; the switches topic is keyed by account number.</summary>
public sealed class TreePerSwitchConsumer(
    IConsumer<string, SwitchCompleted> consumer,
    TreeRegister trees,
    TenantMailer mailer,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TreePerSwitchConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Wattwood.Trees");
    private static readonly Meter Meter = new("Wattwood.Trees");
    private static readonly Counter<long> Planted = Meter.CreateCounter<long>("wattwood.trees.planted");

    private string? _lastAccount;
    private TreeDedication? _lastDedication;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var switched = result.Message.Value;
            _lastAccount = switched.AccountNumber;
            using var activity = Source.StartActivity("PlantForSwitch");
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            activity?.SetTag("messaging.kafka.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("wattwood.tariff", switched.Tariff); // clean precision-names
            activity?.SetTag("wattwood.postcode.outward", switched.Postcode.Split(' ')[0]); // clean precision-about
            activity?.SetTag("wattwood.postcode", switched.Postcode); // leak TC1001 direct
            activity?.SetTag("wattwood.meter.serial", switched.MeterSerial); // leak TC1001 direct
            activity?.SetTag("wattwood.meter.model", switched.MeterSerial[..3]); // clean precision-about

            var tree = trees.Plant("rowan", 54.1, -2.3, "wattwood-forest");
            var dedication = trees.Dedicate(tree.TreeId, switched.HolderName, switched.Email);
            _lastDedication = dedication;
            activity?.SetTag("wattwood.tree.id", tree.TreeId); // clean precision-names
            activity?.SetTag("wattwood.tree.species", tree.Species); // clean precision-names
            logger.LogInformation("Tree {@Tree} planted", tree); // clean logging-objects
            logger.LogInformation("Tree dedicated: {@Dedication}", dedication); // leak TC1001 logging-objects
            logger.LogInformation("Tree dedicated: {Dedication}", dedication with { DonorEmail = "" }); // leak TC1001 logging-objects
            logger.LogInformation("Certificate reads {Words}", $"A {tree.Species} planted for {dedication.DedicatedTo}"); // leak TC1001 strings
            logger.LogInformation("Certificate for tree {Tree} of species {Species}", tree.TreeId, tree.Species); // clean strings

            Planted.Add(1, new KeyValuePair<string, object?>("tariff", switched.Tariff)); // clean precision-names
            Planted.Add(1, new KeyValuePair<string, object?>("account", switched.AccountNumber)); // leak TC1003 direct
            var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(switched.AccountNumber))[0] % 4;
            Planted.Add(1, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
            var cohort = MD5.HashData(Encoding.UTF8.GetBytes(switched.Email))[0];
            activity?.SetTag("wattwood.cohort", cohort); // leak TC1002 hashes

            var holder = pseudonymizer.PseudonymizeWattwoodClientId(switched.AccountNumber);
            using var span = Source.StartWattwoodOperation("wattwood-forest") // clean generated-api
                .SetWattwoodClientId(holder) // clean generated-api
                .SetWattwoodPlot(tree.TreeId); // clean generated-api
            span.SetWattwoodNote("planted for " + switched.HolderName); // leak TC1001 generated-api
            span.Activity?.SetTag(WattwoodAttributes.Contact, pseudonymizer.ComputeWattwoodClientId(switched.AccountNumber)); // leak TC1001 precision-pseudonym
            mailer.Send(switched.Email, "Your tree", $"We planted tree {tree.TreeId}");
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    public void Report()
    {
        logger.LogInformation("Last switch handled for account {Account}", _lastAccount); // leak TC1001 cross-member
        logger.LogInformation("Last tree dedicated was {Tree}", _lastDedication?.TreeId); // clean cross-member
        Activity.Current?.SetTag("wattwood.last_dedication", _lastDedication?.DedicatedTo); // leak TC1001 cross-member
    }
}
