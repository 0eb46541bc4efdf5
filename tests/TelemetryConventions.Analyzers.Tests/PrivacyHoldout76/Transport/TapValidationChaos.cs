namespace PrivacyHoldout76.Transport;

public sealed record Tap(string CardNumber, string ValidatorId, string StopId, string Operator, DateTimeOffset At);

/// <summary>
/// The engineering cards the operator issues to its depots for testing validators: registered test
/// cards, held by a depot, never sold to a rider.
/// </summary>
public static class EngineeringCards
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { "9826000000000017", "9826000000000025", "9826000000000033" };
}

/// <summary>The fault injection policies of tap validation, per operator, and one reproducing a complaint.</summary>
public static class TapChaosPolicies
{
    public static readonly IReadOnlyList<ChaosPolicy> Defaults =
    [
        new("northbus-validator-latency", FaultKind.Latency, 0.03, ChaosScope.Tenant, "northbus", TimeSpan.FromMilliseconds(400)),
        new("metrolink-drop", FaultKind.Drop, 0.005, ChaosScope.Tenant, "metrolink"),
        // Complaint CR-2291: a rider's taps are declined at gates; reproduces it for their card.
        new("cr-2291-declines", FaultKind.Error, 1.0, ChaosScope.Person, "6345780012349876"),
    ];
}

public sealed class TapValidation(ChaosEngine chaos, Pseudonymizer pseudonymizer, Meter meter, ILogger<TapValidation> logger)
{
    private static readonly ActivitySource Source = new("Transit.Taps.Validation");
    private readonly Counter<long> _faults = meter.CreateCounter<long>("taps.chaos.faults");

    public async Task ValidateAsync(Tap tap, CancellationToken ct)
    {
        using var span = Source.StartTransitopsProbe("tap:validate")
            .SetTransitopsOperator(tap.Operator);

        if (EngineeringCards.All.Contains(tap.CardNumber))
        {
            span.Activity?.SetTag("tap.engineering_card", tap.CardNumber); // clean precision-about
        }

        foreach (var (scope, key) in new[] { (ChaosScope.Tenant, tap.Operator), (ChaosScope.Person, tap.CardNumber) })
        {
            if (chaos.Match(scope, key) is not { } policy)
            {
                continue;
            }
            _faults.Add(1, new KeyValuePair<string, object?>("policy", policy.PolicyId), new KeyValuePair<string, object?>("operator", tap.Operator)); // clean precision-about
            _faults.Add(1, new KeyValuePair<string, object?>("policy", policy.PolicyId), new KeyValuePair<string, object?>("target", policy.TargetKey)); // leak TC1003 cross-member
            try
            {
                await chaos.ApplyAsync(policy, ct);
            }
            catch (InjectedFaultException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                span.SetTransitopsOutcome($"fault:{ex.Policy.Fault}");
                OnValidationFailed(tap, ex);
                throw;
            }
        }
    }

    private void OnValidationFailed(Tap tap, Exception error)
    {
        var snapshot = new DebugSnapshot("tap-validate", error)
            .With("validator", tap.ValidatorId)
            .With("stop", tap.StopId)
            .With("card", tap.CardNumber);
        logger.LogError(error, "Validation failed: {Snapshot}", snapshot); // leak TC1001 logging-objects
        logger.LogError("Validation failed at {Validator} ({ErrorType}), snapshot {SnapshotId}", tap.ValidatorId, snapshot.ErrorType, snapshot.SnapshotId); // clean precision-about
        Activity.Current?.SetTag("tap.card.masked", $"{tap.CardNumber[..6]}******{tap.CardNumber[^4..]}"); // clean precision-about
        Activity.Current?.SetTag(TransitopsAttributes.RiderId, pseudonymizer.ComputeTransitopsRiderId(tap.CardNumber)); // clean precision-pseudonym
        logger.LogTransitopsProbeFailedEvent("tap:validate", "fault", transitopsNote: snapshot.ToString()); // leak TC1001 generated-api
    }
}
