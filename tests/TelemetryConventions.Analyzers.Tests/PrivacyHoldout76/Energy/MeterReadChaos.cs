namespace PrivacyHoldout76.Energy;

public sealed record MeterRead(string AccountNumber, string MeterSerial, string Region, decimal Kwh, DateTimeOffset ReadAt);

/// <summary>The fault injection policies shipped with the readings ingest.</summary>
public static class ReadChaosPolicies
{
    public static readonly IReadOnlyList<ChaosPolicy> Defaults =
    [
        new("dcc-latency-eastern", FaultKind.Latency, 0.05, ChaosScope.Region, "_A", TimeSpan.FromSeconds(2)),
        new("headend-5xx-north-west", FaultKind.Error, 0.01, ChaosScope.Region, "_G"),
        // INC-4412: one household's reads time out at the head end; reproduces it for that account only.
        new("inc-4412-repro", FaultKind.Error, 1.0, ChaosScope.Person, "40012345678"),
    ];
}

public sealed class MeterReadIngest(ChaosEngine chaos, Pseudonymizer pseudonymizer, Meter meter, ILogger<MeterReadIngest> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Readings.Chaos");
    private readonly Counter<long> _injected = meter.CreateCounter<long>("chaos.injected");

    public void LogPolicies()
    {
        logger.LogInformation("Active chaos policies: {Policies}", string.Join(", ", chaos.Active)); // leak TC1001 logging-objects
        logger.LogInformation("Active chaos policies: {Policies}", string.Join(", ", chaos.Active.Select(p => $"{p.PolicyId}/{p.Scope}"))); // clean precision-about
    }

    public async Task IngestAsync(MeterRead read, CancellationToken ct)
    {
        using var span = Source.StartSupplyopsProbe("ingest:read")
            .SetSupplyopsRegion(read.Region)
            .SetSupplyopsAccountId(pseudonymizer.PseudonymizeSupplyopsAccountId(read.AccountNumber)); // clean precision-pseudonym

        if (chaos.Match(ChaosScope.Region, read.Region) is { } regional)
        {
            span.Activity?.SetTag("chaos.policy", regional.PolicyId);
            span.Activity?.SetTag("chaos.target", regional.TargetKey); // clean precision-about
            _injected.Add(1, new KeyValuePair<string, object?>("policy", regional.PolicyId), new KeyValuePair<string, object?>("region", regional.TargetKey)); // clean precision-about
            logger.LogInformation("Chaos {Policy} applied", regional); // clean logging-objects
            try
            {
                await chaos.ApplyAsync(regional, ct);
            }
            catch (InjectedFaultException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogWarning(ex, "Injected fault on the {Region} head end", read.Region); // clean exceptions
                throw;
            }
        }

        if (chaos.Match(ChaosScope.Person, read.AccountNumber) is { } targeted)
        {
            span.Activity?.SetTag("chaos.policy", targeted.PolicyId);
            span.Activity?.SetTag("chaos.target", targeted.TargetKey); // leak TC1001 cross-member
            if (span.Activity is { } traced)
            {
                traced.DisplayName = $"chaos {targeted.PolicyId} on {targeted.TargetKey}"; // leak TC1001 strings
            }
            logger.LogWarning("Chaos {Policy} applied to one account", targeted); // leak TC1001 logging-objects
            _injected.Add(1, new KeyValuePair<string, object?>("policy", targeted.PolicyId), new KeyValuePair<string, object?>("scope", targeted.Scope.ToString()));
            try
            {
                await chaos.ApplyAsync(targeted, ct);
            }
            catch (InjectedFaultException ex)
            {
                span.Activity?.AddException(ex); // leak TC1001 exceptions
                span.Activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
                logger.LogSupplyopsProbeFailedEvent("ingest:read", "fault:injected", supplyopsNote: ex.Message); // leak TC1001 generated-api
                logger.LogSupplyopsProbeFailedEvent("ingest:read", "fault:injected", supplyopsNote: $"{ex.Policy.PolicyId} ({ex.Policy.Fault})"); // clean generated-api
                throw;
            }
        }

        span.Activity?.SetTag("read.serial", read.MeterSerial); // leak TC1001 direct
        span.Activity?.SetTag("read.serial.model", read.MeterSerial[..3]); // clean precision-about
    }
}
